-- chunks.lua: the Pandoc side of the literate book (see book/README.md).
--
-- tools/nw2md writes each code chunk as a fenced code block of class
-- "chunk-code" whose attributes say what to link:
--   uses="anchor/label/name ..."  the k-th entry replaces the word NWCHUNKUSEkZ
--   idents="ident/anchor ..."     identifiers used in the chunk and their chunks
-- (name and ident are percent-encoded).  Pandoc never puts links inside a
-- highlighted code block, so this filter highlights the block itself with
-- pandoc.write, then rewrites the text between the tags of that HTML: the
-- placeholders become chunk links, the identifiers links to their definition
-- (except in comments, strings and #include lines, where a word is only a
-- word; nw2md lists only identifiers it found outside them, as seen from
-- this chunk: a test file's own names only in that file).
--
-- It also numbers each chapter heading (the one followed by nw2md's stage box),
-- replaces each ".exercises" marker with the chapter's exercise handouts,
-- exercises/chNN/M/README.md for M = 1, 2, ..., read from the directory given
-- by the metadata field "exercises-dir", and links a chunk name written as
-- ⟨name⟩ in prose or in a handout to that chunk.

local exercises_dir = nil
local chunk_by_name = {}   -- chunk name -> { anchor = ..., label = ... } of its first definition
local ident_anchor = {}    -- identifier -> anchor of the chunk that first defines it

local function decode(s)
  return (s:gsub('%%(%x%x)', function(h) return string.char(tonumber(h, 16)) end))
end

local function escape_html(s)
  return (s:gsub('[&<>"]', { ['&'] = '&amp;', ['<'] = '&lt;', ['>'] = '&gt;', ['"'] = '&quot;' }))
end

local function split_list(attr)
  local items = {}
  for item in (attr or ''):gmatch('%S+') do items[#items + 1] = item end
  return items
end

-- The links one chunk's code needs: placeholder number -> HTML, ident -> href.
local function link_tables(attributes)
  local uses, idents = {}, {}
  for k, item in ipairs(split_list(attributes.uses)) do
    local anchor, label, name = item:match('^([^/]+)/([^/]+)/(.*)$')
    uses[k - 1] = string.format('<a class="chunkref" href="#%s">⟨%s %s⟩</a>',
      anchor, escape_html(decode(name)), label)
  end
  for _, item in ipairs(split_list(attributes.idents)) do
    local ident, anchor = item:match('^(.*)/([^/]+)$')
    idents[decode(ident)] = anchor
  end
  return uses, idents
end

-- Token classes whose words are prose, not code: no identifier links there.
-- (im: the <path> of an #include, which skylighting sometimes splits off.)
local PROSE_TOKENS = { co = true, st = true, vs = true, ss = true, ['do'] = true,
                       an = true, cv = true, al = true, wa = true, ['in'] = true,
                       im = true }

-- Link the words of one run of HTML text (no tags in it; entities escaped).
-- Placeholders always become chunk links; identifiers only when link_idents.
local function link_words(text, uses, idents, link_idents)
  return (text:gsub('()%f[%w_]([%a_][%w_]*)', function(pos, word)
    if text:sub(pos - 1, pos - 1) == '&' or text:sub(pos - 2, pos - 1) == '&#' then
      return nil                                   -- an entity such as &lt;
    end
    local k = word:match('^NWCHUNKUSE(%d+)Z$')
    if k then
      return uses[tonumber(k)] or error('chunks.lua: no chunk for placeholder ' .. word)
    end
    local anchor = link_idents and idents[word]
    if anchor then
      return string.format('<a class="ident" href="#%s">%s</a>', anchor, word)
    end
    return nil
  end))
end

-- Rewrite the text between the tags of highlighted HTML.  Skylighting puts
-- each line in a span and each token in a span inside it, never deeper, so
-- the last token span opened tells what kind of text follows.
local function link_html(out, uses, idents)
  local in_prose = false
  return (out:gsub('(<[^>]*>)([^<]*)', function(tag, text)
    local class = tag:match('^<span class="(%a%a)">$')
    if class then
      -- an #include line names a file, not identifiers (asm/page.h is no `page`)
      in_prose = PROSE_TOKENS[class] or (class == 'pp' and text:match('^#%s*include') ~= nil)
    elseif tag == '</span>' then
      in_prose = false
    end
    return tag .. link_words(text, uses, idents, not in_prose)
  end))
end

-- Turn the tabs after a line's first non-tab character into spaces (stops
-- every 8 columns).  Highlighting puts a line's tokens in separate spans, and
-- weasyprint measures a tab inside a span from the span, not from the line, so
-- aligned comments and operands came out ragged.  Leading tabs stay tabs: they
-- render right everywhere, and a Makefile recipe copied from the book needs them.
local function expand_inner_tabs(text)
  return (text:gsub('[^\n]+', function(line)
    local lead, rest = line:match('^(\t*)(.*)$')
    local col = #lead * 8
    rest = rest:gsub('()([^\t]*)\t', function(_, before)
      col = col + (utf8.len(before) or #before)
      local pad = 8 - col % 8
      col = col + pad
      return before .. string.rep(' ', pad)
    end)
    return lead .. rest
  end))
end

local function render_chunk_code(block)
  if block.text == '' then
    -- an extension point that this chapter leaves for later ones to fill
    return pandoc.RawBlock('html', '<pre class="empty-chunk"><code>(empty)</code></pre>')
  end
  local lang = block.classes:includes('plain') and {} or { block.classes[1] }
  -- nw2md writes tabs as U+E000 (see TAB there): make them tabs again
  local text = expand_inner_tabs((block.text:gsub('\u{E000}', '\t')))
  local plain = pandoc.CodeBlock(text, pandoc.Attr(block.identifier, lang))
  local out = pandoc.write(pandoc.Pandoc({ plain }), 'html')
  -- skylighting gives every line an empty self-link: noise in a book
  out = out:gsub('<a href="#[^"]*" aria%-hidden="true" tabindex="%-1"></a>', '')
  local uses, idents = link_tables(block.attributes)
  out = link_html(out, uses, idents)
  if out:find('NWCHUNKUSE%d+Z') then
    error('chunks.lua: a chunk-use placeholder survived in ' .. block.identifier)
  end
  return pandoc.RawBlock('html', out)
end

-- Chunk names in prose ------------------------------------------------------

local function remember_chunk(block)
  if not block.classes:includes('chunk-code') then return end
  local name, anchor, label = block.attributes.chunk:match('^(.*)/([^/]+)/([^/]+)$')
  chunk_by_name[decode(name)] = { anchor = anchor, label = label }
  for _, ident in ipairs(split_list(block.attributes.defines)) do
    ident = decode(ident)
    -- like noweb, link to the first definition (often the interface)
    ident_anchor[ident] = ident_anchor[ident] or block.identifier:gsub('^code%-', 'chunk-')
  end
end

-- `ident` in prose or a handout, when ident is defined in a chunk.
local function link_code_ident(code)
  local anchor = ident_anchor[code.text]
  if anchor then
    return pandoc.Link({ code }, '#' .. anchor, '', pandoc.Attr('', { 'ident' }))
  end
end

-- Code already in a link (nw2md links [[quoted]] identifiers itself) got a
-- second link from link_code_ident: keep the outer one.
local function unnest_link(link)
  if #link.content == 1 and link.content[1].t == 'Link' then
    link.content = link.content[1].content
    return link
  end
end

local function chunk_link(name)
  local c = chunk_by_name[name]
  return pandoc.Link({ pandoc.Str('⟨' .. name .. ' ' .. c.label .. '⟩') }, '#' .. c.anchor,
    '', pandoc.Attr('', { 'chunkref' }))
end

-- Pandoc splits "⟨boot steps⟩" into Str and Space elements: gather them from
-- the Str holding "⟨" to the one holding "⟩", and if the words between name a
-- chunk, put a link in their place.  Unknown names stay as they are.
local function link_chunk_names(inlines)
  local out = pandoc.List()
  local i = 1
  while i <= #inlines do
    local el, replaced = inlines[i], false
    if el.t == 'Str' and el.text:find('⟨', 1, true) then
      local words, j = {}, i
      while j <= #inlines do
        local e = inlines[j]
        if e.t == 'Str' then words[#words + 1] = e.text
        elseif e.t == 'Space' or e.t == 'SoftBreak' then words[#words + 1] = ' '
        else break end
        if e.t == 'Str' and e.text:find('⟩', 1, true) then break end
        j = j + 1
      end
      local before, name, after = table.concat(words):match('^(.-)⟨(.-)⟩(.*)$')
      if name and chunk_by_name[name] then
        if before ~= '' then out:insert(pandoc.Str(before)) end
        out:insert(chunk_link(name))
        if after ~= '' then out:insert(pandoc.Str(after)) end
        i, replaced = j + 1, true
      end
    end
    if not replaced then
      out:insert(el)
      i = i + 1
    end
  end
  return out
end

-- Exercises ---------------------------------------------------------------

local function read_file(path)
  local f = io.open(path, 'r')
  if not f then return nil end
  local text = f:read('a')
  f:close()
  return text
end

-- On Linux io.open also opens a directory, which is what we ask here.
local function exists(path)
  local f = io.open(path, 'r')
  if f then f:close() end
  return f ~= nil
end

-- Give every id in a handout a prefix, so that two handouts' "Hints" differ.
local function prefix_ids(blocks, prefix)
  local function fix(el)
    if el.identifier and el.identifier ~= '' then
      el.identifier = prefix .. el.identifier
      return el
    end
  end
  return pandoc.Pandoc(blocks):walk({
    Header = fix, Div = fix, Span = fix, CodeBlock = fix, Code = fix,
    Link = function(link)
      if link.target:sub(1, 1) == '#' then
        link.target = '#' .. prefix .. link.target:sub(2)
        return link
      end
    end,
  }).blocks
end

-- Shift headings so that the handout's top level sits at `top`.
local function demote(blocks, top)
  local min = nil
  for _, b in ipairs(blocks) do
    if b.t == 'Header' and (min == nil or b.level < min) then min = b.level end
  end
  if min == nil then return blocks end
  return pandoc.Pandoc(blocks):walk({
    Header = function(h) h.level = math.min(6, h.level - min + top); return h end,
  }).blocks
end

local function exercise_blocks(chapter)
  local out = {}
  local m = 1
  while true do
    local path = string.format('%s/ch%s/%d/README.md', exercises_dir, chapter, m)
    local text = read_file(path)
    if not text then
      if exists(path:match('^(.*)/README%.md$')) then
        error('chunks.lua: ' .. path .. ' is missing (every exercise needs a handout)')
      end
      break
    end
    local blocks = pandoc.read(text, 'markdown').blocks
    if #blocks == 0 or blocks[1].t ~= 'Header' then
      table.insert(blocks, 1, pandoc.Header(1, { pandoc.Str('Exercise'), pandoc.Space(), pandoc.Str(tostring(m)) }))
    end
    blocks = prefix_ids(demote(blocks, 3), string.format('ex-ch%s-%d-', chapter, m))
    table.insert(out, pandoc.Div(blocks, pandoc.Attr('', { 'exercise' })))
    m = m + 1
  end
  if #out == 0 then return {} end
  table.insert(out, 1, pandoc.Header(2, { pandoc.Str('Exercises') },
    pandoc.Attr(string.format('ch%s-exercises', chapter), { 'exercises-heading' })))
  return out
end

-- Whole document ----------------------------------------------------------

local function number_chapters(blocks)
  for i, b in ipairs(blocks) do
    local nxt = blocks[i + 1]
    if b.t == 'Header' and b.level == 1 and nxt and nxt.t == 'Div'
        and nxt.classes:includes('stage-box') then
      table.insert(b.content, 1, pandoc.Space())
      table.insert(b.content, 1, pandoc.Span({ pandoc.Str(nxt.attributes.stage) },
        pandoc.Attr('', { 'chapter-number' })))
      b.classes:insert('chapter')
    end
  end
  return blocks
end

return {
  {
    Meta = function(meta)
      exercises_dir = meta['exercises-dir'] and pandoc.utils.stringify(meta['exercises-dir'])
    end,
    CodeBlock = remember_chunk,
  },
  {
    CodeBlock = function(block)
      if block.classes:includes('chunk-code') then return render_chunk_code(block) end
    end,
    Div = function(div)
      if div.classes:includes('exercises') then
        if not exercises_dir then error('chunks.lua: metadata exercises-dir is not set') end
        return exercise_blocks(div.attributes.chapter)
      end
    end,
  },
  { Inlines = link_chunk_names, Code = link_code_ident },
  { Link = unnest_link },
  { Blocks = number_chapters },
}
