$GT generate --option uk-france-30k --without GB --cap FR:companies=60
