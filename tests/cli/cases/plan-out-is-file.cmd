# --out naming a file, not a folder: a runtime failure, nothing written.
touch afile
$GT plan --runs 500 --out afile
