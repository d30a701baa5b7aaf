$GT validate $IN/missions-extra-column.csv --format csv
