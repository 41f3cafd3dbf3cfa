package query

import (
	"maps"
	"slices"
	"time"

	"github.com/smithygen/smithygen/runtime/xml"
)

// List writes list s under name: items at name.member.N (member is the list
// member's xmlName, "member" by default) or, flattened, at name.N. A nil list
// writes nothing; an empty one writes "name=" under awsQuery and nothing
// under ec2Query, whose lists are always flattened. An empty name writes the
// list at the current key, as the items of a list or map values do.
func List[T any](e *Encoder, name, member string, flat bool, s []T, item func(*Encoder, *T)) {
	if s == nil || e.ec2 && len(s) == 0 {
		return
	}
	if len(s) == 0 {
		e.Str(name, "")
		return
	}
	mark := e.push(name)
	if !flat && !e.ec2 {
		e.Push(member)
	}
	for i := range s {
		m := e.PushIndex(i + 1)
		item(e, &s[i])
		e.Pop(m)
	}
	e.Pop(mark)
}

// Map writes map m under name in key order: entries at name.entry.N or,
// flattened, at name.N, each with its key at .key and its value at .value
// (key and value are the map members' xmlNames). A nil or empty map writes
// nothing.
func Map[K ~string, V any](e *Encoder, name, key, value string, flat bool, m map[K]V, val func(*Encoder, *V)) {
	if len(m) == 0 {
		return
	}
	mark := e.push(name)
	if !flat {
		e.Push("entry")
	}
	for i, k := range slices.Sorted(maps.Keys(m)) {
		at := e.PushIndex(i + 1)
		e.Str(key, string(k))
		v := m[k]
		vm := e.Push(value)
		val(e, &v)
		e.Pop(vm)
		e.Pop(at)
	}
	e.Pop(mark)
}

// Item encoders of scalars, for List and Map: they write at the current key.

// StrItem writes a string.
func StrItem(e *Encoder, v *string) { e.Str("", *v) }

// EnumItem writes a string enum value.
func EnumItem[T ~string](e *Encoder, v *T) { e.Str("", string(*v)) }

// BoolItem writes a boolean.
func BoolItem(e *Encoder, v *bool) { e.Bool("", *v) }

// IntItem writes an integer.
func IntItem[T ~int8 | ~int16 | ~int32 | ~int64](e *Encoder, v *T) { e.Int("", int64(*v)) }

// Float32Item writes a float.
func Float32Item(e *Encoder, v *float32) { e.Float("", float64(*v), 32) }

// Float64Item writes a double.
func Float64Item(e *Encoder, v *float64) { e.Float("", *v, 64) }

// BlobItem writes base64 bytes.
func BlobItem(e *Encoder, v *[]byte) { e.Blob("", *v) }

// DateTimeItem writes a date-time timestamp.
func DateTimeItem(e *Encoder, v *time.Time) { e.Time("", *v, xml.DateTime) }

// EpochSecondsItem writes an epoch-seconds timestamp.
func EpochSecondsItem(e *Encoder, v *time.Time) { e.Time("", *v, xml.EpochSeconds) }

// HTTPDateItem writes an http-date timestamp.
func HTTPDateItem(e *Encoder, v *time.Time) { e.Time("", *v, xml.HTTPDate) }
