package godoc

import (
	"strconv"
	"strings"
)

type blockKind uint8

const (
	paragraphBlock blockKind = iota
	headingBlock
	codeBlock
	listBlock
)

// A block is a paragraph, heading, code block or (single-level) list.
type block struct {
	kind     blockKind
	text     string     // paragraph and heading text
	lines    []string   // code lines
	emphasis bool       // paragraph all in bold or italics
	numbered bool       // list with numbers rather than bullets
	items    [][]string // list items, each a sequence of paragraphs
}

// Tags that end the current paragraph.
var blockTags = map[string]bool{
	"p": true, "div": true, "br": true, "hr": true, "li": true, "dl": true, "dt": true,
	"dd": true, "note": true, "important": true, "blockquote": true, "section": true,
	"fullname": true, "table": true, "tr": true, "ul": true, "ol": true, "pre": true,
	"h1": true, "h2": true, "h3": true, "h4": true, "h5": true, "h6": true,
}

// Inline tags whose markup is dropped.
var inlineTags = map[string]bool{
	"a": true, "code": true, "i": true, "b": true, "em": true, "strong": true, "u": true,
	"s": true, "span": true, "sup": true, "sub": true, "small": true, "tt": true,
	"kbd": true, "samp": true, "var": true, "cite": true, "abbr": true, "q": true,
	"img": true, "td": true, "th": true, "thead": true, "tbody": true, "wbr": true,
}

// listLevel is an open <ul>, <ol> or <dl>.
type listLevel struct {
	numbered bool
	count    int
}

// builder turns tokens into blocks.
type builder struct {
	lastClose map[string]int // tag name → index of its last end tag
	unknown   map[string]int // open elements of unknown tags
	blocks    []block
	links     links
	para      inline
	heading   bool
	emphasis  int         // open emphasis elements
	plain     bool        // the paragraph has text outside emphasis
	list      *block      // the open top-level list
	levels    []listLevel // open lists, outermost first
	newItem   bool        // the next list paragraph starts an item
	marker    string      // marker for the next nested list paragraph
	code      int         // open <code> elements
	urls      []string    // URLs of the links in the paragraph
	pre       *strings.Builder
	link      *openLink
}

type openLink struct {
	href string
	mark int
}

func build(tokens []token) *builder {
	b := &builder{lastClose: map[string]int{}, unknown: map[string]int{}}
	for i, t := range tokens {
		if t.kind == endToken {
			b.lastClose[t.name] = i
		}
	}
	for i, t := range tokens {
		b.token(i, t)
	}
	b.endPre()
	b.flush()
	b.closeList()
	return b
}

func (b *builder) token(i int, t token) {
	known := blockTags[t.name] || inlineTags[t.name]
	switch {
	case t.kind == textToken:
		b.write(t.text)
	case b.pre != nil:
		b.preTag(t, known)
	case !known:
		b.unknownTag(i, t)
	case t.kind == startToken:
		b.start(t)
	default:
		b.end(t)
	}
}

func (b *builder) write(s string) {
	if b.pre != nil {
		b.pre.WriteString(s)
		return
	}
	if b.emphasis == 0 && strings.TrimFunc(s, isSpace) != "" {
		b.plain = true
	}
	b.para.write(s)
}

// unknownTag keeps placeholders such as <region> or <bucket-name> as text:
// an unknown tag is markup only outside code and when it is closed later.
func (b *builder) unknownTag(i int, t token) {
	if b.code == 0 {
		switch {
		case t.kind == startToken && !t.selfClosing && b.lastClose[t.name] > i:
			b.unknown[t.name]++
			return
		case t.kind == endToken && b.unknown[t.name] > 0:
			b.unknown[t.name]--
			return
		}
	}
	b.write(t.text)
}

func (b *builder) preTag(t token, known bool) {
	switch {
	case t.name == "pre" && t.kind == endToken:
		b.endPre()
	case t.name == "br":
		b.pre.WriteByte('\n')
	case !known:
		b.pre.WriteString(t.text)
	}
}

func (b *builder) start(t token) {
	switch t.name {
	case "code":
		b.code++
	case "b", "strong", "i", "em", "u":
		b.emphasis++
	case "a":
		b.startLink(t.href)
	case "td", "th":
		b.para.write(" ")
	case "ul", "ol", "dl", "li", "dt", "pre":
		b.flush()
		b.startContainer(t)
	case "h1", "h2", "h3", "h4", "h5", "h6":
		b.flush()
		b.heading = true
	default:
		if blockTags[t.name] {
			b.flush()
		}
	}
}

func (b *builder) startContainer(t token) {
	switch t.name {
	case "ul", "ol", "dl":
		b.levels = append(b.levels, listLevel{numbered: t.name == "ol"})
		b.marker = ""
		if len(b.levels) == 1 {
			b.list = &block{kind: listBlock, numbered: t.name == "ol"}
			b.newItem = true
		}
	case "li", "dt":
		b.startItem()
	case "pre":
		if !t.selfClosing {
			b.pre = &strings.Builder{}
		}
	}
}

func (b *builder) startItem() {
	switch n := len(b.levels); {
	case n == 1:
		b.newItem = true
	case n > 1:
		l := &b.levels[n-1]
		l.count++
		b.marker = "–"
		if l.numbered {
			b.marker = "(" + strconv.Itoa(l.count) + ")"
		}
	}
}

func (b *builder) end(t token) {
	switch t.name {
	case "code":
		b.code = max(b.code-1, 0)
	case "b", "strong", "i", "em", "u":
		b.emphasis = max(b.emphasis-1, 0)
	case "a":
		b.endLink()
	case "ul", "ol", "dl":
		b.flush()
		if n := len(b.levels); n > 0 {
			b.levels = b.levels[:n-1]
			b.marker = ""
			if n == 1 {
				b.closeList()
			}
		}
	case "li", "dt", "dd":
		b.flush()
		b.marker = ""
	case "h1", "h2", "h3", "h4", "h5", "h6":
		b.flush()
		b.heading = false
	default:
		if blockTags[t.name] {
			b.flush()
		}
	}
}

func (b *builder) closeList() {
	if b.list != nil && len(b.list.items) > 0 {
		b.blocks = append(b.blocks, *b.list)
	}
	b.list = nil
	b.levels = b.levels[:0]
}

// endPre turns the text of an open <pre> into a code block, or into
// paragraph text inside a list, where code blocks are not possible.
func (b *builder) endPre() {
	if b.pre == nil {
		return
	}
	text := b.pre.String()
	b.pre = nil
	if b.list != nil || b.heading {
		b.para.write(text)
		b.flush()
		return
	}
	if lines := codeLines(text); len(lines) > 0 {
		b.blocks = append(b.blocks, block{kind: codeBlock, lines: lines})
	}
}

// flush ends the current paragraph.
func (b *builder) flush() {
	b.link = nil
	text, emphasis := b.links.resolve(b.para.take(), b.urls), !b.plain
	b.plain, b.urls = false, b.urls[:0]
	if text == "" {
		return
	}
	if b.marker != "" {
		text = b.marker + " " + text
		b.marker = ""
	}
	switch {
	case b.list != nil:
		items := &b.list.items
		if b.newItem || len(*items) == 0 {
			*items = append(*items, nil)
			b.newItem = false
		}
		last := &(*items)[len(*items)-1]
		*last = append(*last, text)
	case b.heading:
		b.blocks = append(b.blocks, block{kind: headingBlock, text: text})
	default:
		b.blocks = append(b.blocks, block{kind: paragraphBlock, text: text, emphasis: emphasis})
	}
}

func (b *builder) startLink(href string) {
	b.endLink()
	if b.heading && b.list == nil {
		return // headings have no links
	}
	b.link = &openLink{href: href, mark: len(b.para.buf)}
}

// endLink replaces the text written since the link started: by the link,
// the URL alone when there is no text, or the text alone when the target
// is not an absolute URL.
func (b *builder) endLink() {
	l := b.link
	if l == nil {
		return
	}
	b.link = nil
	in := &b.para
	text := string(in.buf[l.mark:])
	trailing := in.space && text != ""
	in.buf = in.buf[:l.mark]
	if t, ok := strings.CutPrefix(text, " "); ok {
		text = t
		in.space = true
	}
	url := cleanURL(l.href)
	switch {
	case isLinkURL(url) && text != "" && text != url:
		b.urls = append(b.urls, url)
		in.writeLink(text)
	case isLinkURL(url):
		in.write(url)
	case text != "":
		in.write(text)
	default:
		return
	}
	in.space = trailing
}
