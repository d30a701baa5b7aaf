$GT validate $IN/missions-bad-row.csv
