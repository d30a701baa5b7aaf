# Tables for any names (issue 26): sector names of up to 40 columns, with
# accents (one written as a letter and a combining mark), line up by what
# the eye sees; option titles of 80 and 150 characters are printed whole.
$GT scenario check --scenario $DATA/names.yaml
