$GT size --format csv
