package rules

import (
	"net"
	"net/url"
	"strings"
)

// arnRecord is the result of aws.parseArn.
type arnRecord struct {
	partition, service, region, accountID string
	resourceID                            []string
}

// urlRecord is the result of parseURL.
type urlRecord struct {
	scheme, authority, path, normalizedPath string
	isIP                                    bool
}

// attr returns attribute a of record v, or None.
func attr(v Value, a Attr) Value {
	switch v.kind {
	case Partition:
		r := (*PartitionConfig)(v.p)
		switch a {
		case AttrName:
			return Str(r.Name)
		case AttrDNSSuffix:
			return Str(r.DNSSuffix)
		case AttrDualStackDNSSuffix:
			return Str(r.DualStackDNSSuffix)
		case AttrSupportsFIPS:
			return Boolean(r.SupportsFIPS)
		case AttrSupportsDualStack:
			return Boolean(r.SupportsDualStack)
		case AttrImplicitGlobalRegion:
			return Str(r.ImplicitGlobalRegion)
		}
	case ARN:
		r := (*arnRecord)(v.p)
		switch a {
		case AttrPartition:
			return Str(r.partition)
		case AttrService:
			return Str(r.service)
		case AttrRegion:
			return Str(r.region)
		case AttrAccountID:
			return Str(r.accountID)
		case AttrResourceID:
			return Strings(r.resourceID)
		}
	case URL:
		r := (*urlRecord)(v.p)
		switch a {
		case AttrScheme:
			return Str(r.scheme)
		case AttrAuthority:
			return Str(r.authority)
		case AttrPath:
			return Str(r.path)
		case AttrNormalizedPath:
			return Str(r.normalizedPath)
		case AttrIsIP:
			return Boolean(r.isIP)
		}
	}
	return Value{}
}

// index returns element i of a string array (from the end when i < 0), or
// None.
func index(v Value, i int) Value {
	list, ok := v.AsStrings()
	if !ok {
		return Value{}
	}
	if i < 0 {
		i += len(list)
	}
	if i < 0 || i >= len(list) {
		return Value{}
	}
	return Str(list[i])
}

// substring returns input[start:stop] (counted from the end when reverse),
// or None when input is shorter than stop or not ASCII.
func substring(input string, start, stop int, reverse bool) Value {
	if start < 0 || start >= stop || len(input) < stop {
		return Value{}
	}
	for i := 0; i < len(input); i++ {
		if input[i] >= 0x80 {
			return Value{}
		}
	}
	if reverse {
		start, stop = len(input)-stop, len(input)-start
	}
	return Str(input[start:stop])
}

// uriEncode percent-encodes every byte but RFC 3986's unreserved characters.
func uriEncode(s string) string {
	const hex = "0123456789ABCDEF"
	n := 0
	for i := 0; i < len(s); i++ {
		if !unreserved(s[i]) {
			n++
		}
	}
	if n == 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 2*n)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if unreserved(c) {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}

func unreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~'
}

// parseURL parses an http or https URL without a query.
func parseURL(s string) Value {
	u, err := url.Parse(s)
	if err != nil || u.RawQuery != "" || u.ForceQuery || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return Value{}
	}
	norm := u.Path
	if !strings.HasPrefix(norm, "/") {
		norm = "/" + norm
	}
	if !strings.HasSuffix(norm, "/") {
		norm += "/"
	}
	host := u.Hostname()
	if i := strings.LastIndexByte(host, '%'); i >= 0 {
		host = host[:i]
	}
	return record(URL, &urlRecord{
		scheme:         u.Scheme,
		authority:      strings.ReplaceAll(u.Host, "%", "%25"),
		path:           u.Path,
		normalizedPath: norm,
		isIP:           net.ParseIP(host) != nil,
	})
}

// isValidHostLabel reports whether s is an RFC 1123 host label, or with
// subdomains a dot-separated sequence of them.
func isValidHostLabel(s string, subdomains bool) bool {
	if !subdomains {
		return hostLabel(s)
	}
	for {
		i := strings.IndexByte(s, '.')
		if i < 0 {
			return hostLabel(s)
		}
		if !hostLabel(s[:i]) {
			return false
		}
		s = s[i+1:]
	}
}

func hostLabel(s string) bool {
	if len(s) == 0 || len(s) > 63 || s[0] == '-' || s[len(s)-1] == '-' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// isVirtualHostableS3Bucket reports whether a bucket name can be a host
// label (or labels, with subdomains): 3 to 63 lower-case letters, digits and
// hyphens (and dots), starting and ending with a letter or digit, and not an
// IP address.
func isVirtualHostableS3Bucket(s string, subdomains bool) bool {
	if len(s) < 3 || len(s) > 63 || !lowerAlnum(s[0]) || !lowerAlnum(s[len(s)-1]) {
		return false
	}
	for i := 1; i < len(s)-1; i++ {
		c := s[i]
		switch {
		case lowerAlnum(c) || c == '-':
		case c == '.' && subdomains:
			if s[i-1] == '.' || s[i+1] == '.' || s[i-1] == '-' || s[i+1] == '-' {
				return false
			}
		default:
			return false
		}
	}
	return !subdomains || net.ParseIP(s) == nil
}

func lowerAlnum(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

// parseARN parses arn:partition:service:region:account-id:resource; the
// resource is split on ':' and '/'.
func parseARN(s string) Value {
	rest, ok := strings.CutPrefix(s, "arn:")
	if !ok {
		return Value{}
	}
	var f [4]string
	for i := range f {
		j := strings.IndexByte(rest, ':')
		if j < 0 {
			return Value{}
		}
		f[i], rest = rest[:j], rest[j+1:]
	}
	if f[0] == "" || f[1] == "" || rest == "" {
		return Value{}
	}
	r := &arnRecord{partition: f[0], service: f[1], region: f[2], accountID: f[3]}
	for {
		j := strings.IndexAny(rest, ":/")
		if j < 0 {
			r.resourceID = append(r.resourceID, rest)
			break
		}
		r.resourceID = append(r.resourceID, rest[:j])
		rest = rest[j+1:]
	}
	return record(ARN, r)
}
