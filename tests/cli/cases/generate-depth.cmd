$GT generate --option deterrent-depth
