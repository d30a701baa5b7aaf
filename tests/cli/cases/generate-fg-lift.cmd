$GT generate --scenario $DATA/fg.yaml --format csv --lift DD:min_km_from_line
