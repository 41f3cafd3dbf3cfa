package p
import "github.com/smithygen/smithygen/.scratch-types/p/types"
var _ types.X
