package xml

import (
	"errors"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unsafe"
)

// The parsers below read the text of scalar values, also of attributes.

var errBool = errors.New("boolean must be true or false")

// ParseBool parses an XML Schema boolean: true, false, 1 or 0.
func ParseBool(s string) (bool, error) {
	switch s {
	case "true", "1":
		return true, nil
	case "false", "0":
		return false, nil
	}
	return false, errBool
}

// ParseInt parses a decimal integer that must fit T.
func ParseInt[T ~int8 | ~int16 | ~int32 | ~int64](s string) (T, error) {
	var zero T
	v, err := strconv.ParseInt(s, 10, int(unsafe.Sizeof(zero))*8)
	return T(v), err
}

// ParseFloat parses a number, or NaN, Infinity or -Infinity.
func ParseFloat[T ~float32 | ~float64](s string) (T, error) {
	switch s {
	case "NaN":
		return T(math.NaN()), nil
	case "Infinity":
		return T(math.Inf(1)), nil
	case "-Infinity":
		return T(math.Inf(-1)), nil
	}
	if !isDecimal(s) {
		return 0, strconv.ErrSyntax
	}
	var zero T
	v, err := strconv.ParseFloat(s, int(unsafe.Sizeof(zero))*8)
	return T(v), err
}

// isDecimal reports whether s is a decimal number: sign, digits, optional
// fraction and exponent. It keeps out what strconv also accepts (inf,
// hexadecimal, underscores).
func isDecimal(s string) bool {
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		i++
	}
	digits := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		digits++
	}
	if i < len(s) && s[i] == '.' {
		for i++; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			digits++
		}
	}
	if digits == 0 {
		return false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		exp := 0
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			exp++
		}
		if exp == 0 {
			return false
		}
	}
	return i == len(s)
}

// maxBigDigits bounds the text of big numbers, whose decimal conversion
// costs time quadratic in their length.
const maxBigDigits = 4096

var errBigNumber = errors.New("number text too long")

// ParseBigInt parses a decimal integer of at most 4096 characters.
func ParseBigInt(s string) (*big.Int, error) {
	if len(s) > maxBigDigits {
		return nil, errBigNumber
	}
	v, ok := new(big.Int).SetString(s, 10)
	if !ok {
		return nil, strconv.ErrSyntax
	}
	return v, nil
}

// ParseBigFloat parses a decimal number of at most 4096 characters with an
// exponent of at most 9999 in magnitude, exactly enough for its digits.
func ParseBigFloat(s string) (*big.Float, error) {
	if len(s) > maxBigDigits {
		return nil, errBigNumber
	}
	if !isDecimal(s) {
		return nil, strconv.ErrSyntax
	}
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		e, err := strconv.Atoi(s[i+1:])
		if err != nil || e > 9999 || e < -9999 {
			return nil, errBigNumber
		}
	}
	v, _, err := big.ParseFloat(s, 10, max(64, uint(len(s))*4), big.ToNearestEven)
	return v, err
}
