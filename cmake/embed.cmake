# Turns a data file into a C source defining `const char *const SYMBOL`
# (NUL terminated) and `const size_t SYMBOL_len`. Run as:
#   cmake -DIN=file -DOUT=file.c -DSYMBOL=name -P embed.cmake
file(READ "${IN}" hex HEX)
string(LENGTH "${hex}" hexlen)
math(EXPR len "${hexlen} / 2")
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${hex}")
string(REGEX REPLACE "(0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,0x..,)" "\\1\n" bytes "${bytes}")
file(WRITE "${OUT}" "/* Generated from ${IN} by cmake/embed.cmake; do not edit. */\n#include <stddef.h>\nstatic const unsigned char data[] = {\n${bytes}0x00};\nconst char *const ${SYMBOL} = (const char *)data;\nconst size_t ${SYMBOL}_len = ${len};\n")
