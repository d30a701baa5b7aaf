$GT size --scenario $DATA/mini.yaml --format json
