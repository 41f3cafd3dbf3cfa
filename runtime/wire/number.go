package wire

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"unsafe"
)

// Ptr returns a pointer to a copy of v.
func Ptr[T any](v T) *T { return &v }

// FormatFloat formats a float for a header, query parameter or label:
// NaN, Infinity and -Infinity by name, other values in their shortest form.
func FormatFloat(v float64, bits int) string {
	switch {
	case math.IsNaN(v):
		return "NaN"
	case math.IsInf(v, 1):
		return "Infinity"
	case math.IsInf(v, -1):
		return "-Infinity"
	}
	return string(AppendFloat(nil, v, bits))
}

// AppendFloat appends v without an exponent unless it is very large or very
// small, as JSON encoders do.
func AppendFloat(b []byte, v float64, bits int) []byte {
	if a := math.Abs(v); a != 0 && (a < 1e-6 || a >= 1e21) {
		return strconv.AppendFloat(b, v, 'e', -1, bits)
	}
	return strconv.AppendFloat(b, v, 'f', -1, bits)
}

// ParseFloat parses a float, accepting NaN, Infinity and -Infinity.
func ParseFloat[T ~float32 | ~float64](s string) (T, error) {
	switch s {
	case "NaN":
		return T(math.NaN()), nil
	case "Infinity":
		return T(math.Inf(1)), nil
	case "-Infinity":
		return T(math.Inf(-1)), nil
	}
	var zero T
	v, err := strconv.ParseFloat(s, int(unsafe.Sizeof(zero))*8)
	return T(v), err
}

// ParseInt parses a decimal integer that must fit T.
func ParseInt[T ~int8 | ~int16 | ~int32 | ~int64](s string) (T, error) {
	var zero T
	v, err := strconv.ParseInt(s, 10, int(unsafe.Sizeof(zero))*8)
	return T(v), err
}

// FormatInt formats an integer in decimal.
func FormatInt[T ~int8 | ~int16 | ~int32 | ~int64](v T) string {
	return strconv.FormatInt(int64(v), 10)
}

var errBool = errors.New(`boolean must be "true" or "false"`)

// ParseBool parses "true" or "false".
func ParseBool(s string) (bool, error) {
	switch s {
	case "true":
		return true, nil
	case "false":
		return false, nil
	}
	return false, errBool
}

// ParseBigInt parses a decimal big integer.
func ParseBigInt(s string) (*big.Int, error) {
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return nil, errors.New("invalid big integer " + strconv.Quote(s))
	}
	return v, nil
}

// ParseBigFloat parses a decimal big number.
func ParseBigFloat(s string) (*big.Float, error) {
	v, _, err := big.ParseFloat(s, 10, uint(64+4*len(s)), big.ToNearestEven)
	return v, err
}

// FormatBigFloat formats a big number without losing precision.
func FormatBigFloat(v *big.Float) string { return v.Text('g', -1) }
