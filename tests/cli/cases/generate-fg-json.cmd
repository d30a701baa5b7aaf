$GT generate --scenario $DATA/fg.yaml --format json
