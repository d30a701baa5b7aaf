$GT scenario check --scenario $DATA/mini.yaml
