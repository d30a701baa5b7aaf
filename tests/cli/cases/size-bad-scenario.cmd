$GT size --scenario $IN/bad-unknown-key.yaml
