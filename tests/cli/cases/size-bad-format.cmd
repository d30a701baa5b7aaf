$GT size --format xml
