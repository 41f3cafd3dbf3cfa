package model

import _ "embed"

//go:embed builtin/cleanroomsml.json
var defaultModel []byte

// DefaultSource returns the embedded default model: AWS Clean Rooms ML
// reduced to the ListTrainedModels operation and the shapes it reaches.
func DefaultSource() *Source {
	return &Source{Name: "model/builtin/cleanroomsml.json", Data: defaultModel}
}
