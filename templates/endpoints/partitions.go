package endpoints

import (
	"encoding/json"
	"fmt"

	rt "github.com/smithygen/smithygen/runtime/rules"
)

// compactPartitions checks a partitions.json and returns it without what
// aws.partition does not read (region descriptions, white space).
func compactPartitions(data []byte) (string, error) {
	if _, err := rt.ParsePartitions(data); err != nil {
		return "", err
	}
	var doc struct {
		Partitions []map[string]json.RawMessage `json:"partitions"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return "", fmt.Errorf("partitions: %w", err)
	}
	for _, p := range doc.Partitions {
		var regions map[string]map[string]json.RawMessage
		if raw, ok := p["regions"]; ok {
			if err := json.Unmarshal(raw, &regions); err != nil {
				return "", fmt.Errorf("partitions: regions: %w", err)
			}
		}
		for _, r := range regions {
			delete(r, "description")
		}
		raw, err := json.Marshal(regions)
		if err != nil {
			return "", err
		}
		p["regions"] = raw
	}
	out, err := json.Marshal(doc)
	return string(out), err
}
