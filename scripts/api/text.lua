---@meta text
-- LuaLS stubs for the `text` module: UTF-8 helpers for templates and checks. Lua's own string
-- functions count bytes (a Chinese character is 3); these count characters. Formwork
-- implements them in C++ (src/script/bind_text.cpp); this file only gives your editor
-- completion and type checks. len, sub and trim raise an error on malformed UTF-8.

---@class text
text = {}

---The number of characters (code points) in `s`.
---@param s string
---@return integer
function text.len(s) end

---Characters `i` to `j` of `s` (1-based; negative counts from the end), like `string.sub`
---but by characters: `text.sub("预算绩效目标", 3, 4)` is `"绩效"`.
---@param s string
---@param i? integer default 1
---@param j? integer default -1
---@return string
function text.sub(s, i, j) end

---`s` without leading and trailing white space: ASCII spaces, tabs and newlines, the
---no-break space, the ideographic space U+3000 (`"　"`), other Unicode spaces, and the
---invisible U+200B and U+FEFF that copying from documents leaves behind.
---@param s string
---@return string
function text.trim(s) end

---Whether `s` is well-formed UTF-8.
---@param s string
---@return boolean
function text.valid(s) end

---Edit distance by characters (insertions, deletions, substitutions): how far two names are,
---e.g. to suggest the closest one of a list. 0 for equal texts.
---@param a string
---@param b string
---@return integer
function text.distance(a, b) end
