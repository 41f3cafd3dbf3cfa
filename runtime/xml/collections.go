package xml

import (
	"time"
	"unsafe"
)

// The helpers below implement the XML bindings of lists and maps for
// generated code. An item or value decoder reads the element last started,
// like the decoders of structures generated code declares:
//
//	func decodeDocTag(d *xml.Decoder, v *types.Tag) error

// List decodes a wrapped list, the element last started: each child named
// member (the list member's xmlName, "member" by default) is an item, other
// children are skipped. A present list is never nil, even when empty.
func List[T any](d *Decoder, s *[]T, member string, item func(*Decoder, *T) error) error {
	it := d.Children()
	if *s == nil {
		*s = []T{}
	}
	var err error
	for err == nil && it.Next() {
		if string(d.Name()) != member {
			err = d.Skip()
			continue
		}
		err = Append(d, s, item)
	}
	return it.Done(err)
}

// Append decodes the element last started as one more item of s: an item of
// a flattened list, which repeats the member's element for every item.
func Append[T any](d *Decoder, s *[]T, item func(*Decoder, *T) error) error {
	if *s == nil {
		// The first item shares a slab chunk; a second one moves the list.
		*s = unsafe.Slice(New[T](d), 1)
	} else {
		var zero T
		*s = append(*s, zero)
	}
	return item(d, &(*s)[len(*s)-1])
}

// Map decodes a wrapped map, the element last started: each child named
// entry holds a key and a value element named key and value (the map
// members' xmlNames, "key" and "value" by default). A present map is never
// nil, even when empty.
func Map[K ~string, V any](d *Decoder, m *map[K]V, key, value string, val func(*Decoder, *V) error) error {
	it := d.Children()
	if *m == nil {
		*m = map[K]V{}
	}
	var err error
	for err == nil && it.Next() {
		if string(d.Name()) != "entry" {
			err = d.Skip()
			continue
		}
		err = MapEntry(d, m, key, value, val)
	}
	return it.Done(err)
}

// MapEntry decodes the element last started as one entry of m, holding a key
// and a value element named key and value: an entry of a flattened map, which
// repeats the member's element for every entry. An entry without a key is
// dropped; one without a value maps its key to the zero value.
func MapEntry[K ~string, V any](d *Decoder, m *map[K]V, key, value string, val func(*Decoder, *V) error) error {
	it := d.Children()
	var k string
	var v V
	hasKey := false
	var err error
	for err == nil && it.Next() {
		switch string(d.Name()) {
		case key:
			k, err = d.Str()
			hasKey = true
		case value:
			err = val(d, &v)
		default:
			err = d.Skip()
		}
	}
	if err = it.Done(err); err != nil || !hasKey {
		return err
	}
	if *m == nil {
		*m = map[K]V{}
	}
	(*m)[K(k)] = v
	return nil
}

// Item decoders of scalars, for List, Append, Map and MapEntry.

// ReadStr reads a string.
func ReadStr(d *Decoder, v *string) (err error) {
	*v, err = d.Str()
	return err
}

// ReadEnum reads a string enum value.
func ReadEnum[T ~string](d *Decoder, v *T) (err error) {
	*v, err = Enum[T](d)
	return err
}

// ReadBool reads a boolean.
func ReadBool(d *Decoder, v *bool) (err error) {
	*v, err = d.Bool()
	return err
}

// ReadInt reads an integer.
func ReadInt[T ~int8 | ~int16 | ~int32 | ~int64](d *Decoder, v *T) (err error) {
	*v, err = Int[T](d)
	return err
}

// ReadFloat reads a number.
func ReadFloat[T ~float32 | ~float64](d *Decoder, v *T) (err error) {
	*v, err = Float[T](d)
	return err
}

// ReadBlob reads base64 bytes.
func ReadBlob(d *Decoder, v *[]byte) (err error) {
	*v, err = d.Blob()
	return err
}

// ReadDateTime reads a date-time timestamp.
func ReadDateTime(d *Decoder, v *time.Time) (err error) {
	*v, err = d.Time(DateTime)
	return err
}

// ReadHTTPDate reads an http-date timestamp.
func ReadHTTPDate(d *Decoder, v *time.Time) (err error) {
	*v, err = d.Time(HTTPDate)
	return err
}

// ReadEpochSeconds reads an epoch-seconds timestamp.
func ReadEpochSeconds(d *Decoder, v *time.Time) (err error) {
	*v, err = d.Time(EpochSeconds)
	return err
}
