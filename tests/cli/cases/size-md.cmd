$GT size --format md
