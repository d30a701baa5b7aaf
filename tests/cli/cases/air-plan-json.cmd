$GT air --option uk-france-30k --format json
