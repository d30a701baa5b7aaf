$GT size --scenario
