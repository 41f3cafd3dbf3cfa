package eventstream

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/aws/smithy-go/eventstream"
)

// Header value types of the event stream encoding.
const (
	typeTrue = iota
	typeFalse
	typeByte
	typeShort
	typeInt
	typeLong
	typeBytes
	typeString
	typeTimestamp
	typeUUID
)

// internLimit bounds the names and string values a frame reader keeps,
// and the length of a value kept.
const (
	internLimit  = 64
	internMaxLen = 64
)

var (
	trueValue  eventstream.Value = eventstream.BoolValue(true)
	falseValue eventstream.Value = eventstream.BoolValue(false)

	errShortHeader = errors.New("header runs past the end of the headers")
)

// headers decodes the headers section of a message as smithy-go's decoder
// does (a repeated name replaces the earlier value), but from the frame's
// bytes: byte-array values refer to the frame, and names and short string
// values seen before are not allocated again.
func (f *frameReader) headers(b []byte) (Headers, error) {
	hs := make(Headers, 0, 6)
	for len(b) > 0 {
		n := int(b[0])
		if len(b) < 2+n {
			return nil, errShortHeader
		}
		name := f.name(b[1 : 1+n])
		typ := b[1+n]
		b = b[2+n:]
		var v eventstream.Value
		var size int
		switch typ {
		case typeTrue:
			v = trueValue
		case typeFalse:
			v = falseValue
		case typeByte:
			size = 1
		case typeShort:
			size = 2
		case typeInt:
			size = 4
		case typeLong, typeTimestamp:
			size = 8
		case typeUUID:
			size = 16
		case typeBytes, typeString:
			if len(b) < 2 {
				return nil, errShortHeader
			}
			size = 2 + int(binary.BigEndian.Uint16(b))
		default:
			return nil, fmt.Errorf("header %q: unknown value type %d", name, typ)
		}
		if len(b) < size {
			return nil, errShortHeader
		}
		switch typ {
		case typeByte:
			v = eventstream.Int8Value(int8(b[0]))
		case typeShort:
			v = eventstream.Int16Value(int16(binary.BigEndian.Uint16(b)))
		case typeInt:
			v = eventstream.Int32Value(int32(binary.BigEndian.Uint32(b)))
		case typeLong:
			v = eventstream.Int64Value(int64(binary.BigEndian.Uint64(b)))
		case typeTimestamp:
			ms := int64(binary.BigEndian.Uint64(b))
			v = eventstream.TimestampValue(time.Unix(ms/1e3, ms%1e3*int64(time.Millisecond)).UTC())
		case typeUUID:
			var u eventstream.UUIDValue
			copy(u[:], b)
			v = u
		case typeBytes:
			v = eventstream.BytesValue(b[2:size:size])
		case typeString:
			v = f.stringValue(b[2:size])
		}
		b = b[size:]
		hs.Set(name, v)
	}
	return hs, nil
}

// name returns b as a string, allocated once per distinct name.
func (f *frameReader) name(b []byte) string {
	if s, ok := f.names[string(b)]; ok {
		return s
	}
	s := string(b)
	if len(f.names) < internLimit && len(b) <= internMaxLen {
		if f.names == nil {
			f.names = make(map[string]string, 8)
		}
		f.names[s] = s
	}
	return s
}

// stringValue returns b as a string value, allocated once per distinct
// short value.
func (f *frameReader) stringValue(b []byte) eventstream.Value {
	if v, ok := f.values[string(b)]; ok {
		return v
	}
	v := eventstream.Value(eventstream.StringValue(b))
	if len(f.values) < internLimit && len(b) <= internMaxLen {
		if f.values == nil {
			f.values = make(map[string]eventstream.Value, 8)
		}
		f.values[string(b)] = v
	}
	return v
}
