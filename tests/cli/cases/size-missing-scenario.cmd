$GT size --scenario $IN/no-such-file.yaml
