// Package configs embeds the versioned defaults: the configuration file, the
// casbin model and the default role policy.
package configs

import _ "embed"

// DefaultYAML is configs/huiguan.yaml.
//
//go:embed huiguan.yaml
var DefaultYAML []byte

// RBACModel is the casbin model.
//
//go:embed rbac_model.conf
var RBACModel string

// Policy is the default role policy in casbin's CSV form.
//
//go:embed policy.csv
var Policy string

// Indicators is the scorecard's catalogue: 112 indicators, the roll-up,
// red lines and stage bands (versioned with the code; weights and bands are
// the association's to adjust).
//
//go:embed indicators.json
var Indicators []byte
