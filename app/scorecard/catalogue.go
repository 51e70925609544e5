// Package scorecard computes the capability scorecard (clauses 6, 9, 10):
// the live auto indicators from operational data, and evaluation rounds
// with a snapshot, evidence scoring, the board's review, the report and the
// improvement actions.
package scorecard

import (
	"encoding/json"
	"fmt"

	sc "huiguan/domain/scorecard"
)

// ParseCatalogue reads the versioned catalogue (configs/indicators.json).
func ParseCatalogue(data []byte) (sc.Catalogue, error) {
	var raw struct {
		Rollup struct {
			Layers []struct {
				Layer       string `json:"layer"`
				LayerWeight int    `json:"layer_weight"`
				Areas       []struct {
					Area       string `json:"area"`
					AreaEn     string `json:"area_en"`
					Clause     string `json:"clause"`
					AreaWeight int    `json:"area_weight"`
				} `json:"areas"`
			} `json:"layers"`
		} `json:"rollup"`
		RedLines []struct {
			ID        string `json:"id"`
			Condition string `json:"condition"`
		} `json:"red_lines"`
		Indicators []struct {
			ID      string `json:"id"`
			Area    string `json:"area"`
			Layer   string `json:"layer"`
			TitleZh string `json:"title_zh"`
			TitleEn string `json:"title_en"`
			Kind    string `json:"kind"`
			Metric  string `json:"metric"`
			Weight  int    `json:"weight"`
		} `json:"indicators"`
	}
	if err := json.Unmarshal(data, &raw); err != nil {
		return sc.Catalogue{}, fmt.Errorf("scorecard: catalogue: %w", err)
	}
	c := sc.Catalogue{RedLines: map[string]string{}}
	for _, l := range raw.Rollup.Layers {
		layer := sc.Layer{Name: l.Layer, Weight: l.LayerWeight}
		for _, a := range l.Areas {
			layer.Areas = append(layer.Areas, sc.Area{Name: a.Area, NameEn: a.AreaEn, Clause: a.Clause, Weight: a.AreaWeight, Layer: l.Layer})
		}
		c.Layers = append(c.Layers, layer)
	}
	for _, r := range raw.RedLines {
		c.RedLines[r.ID] = r.Condition
	}
	for _, i := range raw.Indicators {
		c.Indicators = append(c.Indicators, sc.Indicator{ID: i.ID, Area: i.Area, Layer: i.Layer, TitleZh: i.TitleZh, TitleEn: i.TitleEn,
			Kind: sc.Kind(i.Kind), Metric: i.Metric, Weight: i.Weight})
	}
	if len(c.Indicators) == 0 || len(c.Layers) != 2 {
		return sc.Catalogue{}, fmt.Errorf("scorecard: catalogue has %d indicators and %d layers", len(c.Indicators), len(c.Layers))
	}
	return c, nil
}
