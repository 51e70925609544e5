// Package excel reads and writes .xlsx files with excelize. Writers stream
// rows (constant memory per row), and every text cell that a spreadsheet
// would take for a formula (= + - @, or a leading tab or carriage return) is
// neutralised with a leading apostrophe, so an export cannot carry formula
// injection to the person who opens it.
package excel

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"huiguan/app"
)

// The errors the app knows.
var (
	ErrCorrupt     = app.ErrSheetCorrupt
	ErrTooManyRows = app.ErrSheetTooLarge
)

// Sheets is the adapter.
type Sheets struct{}

var _ app.Spreadsheets = Sheets{}

// Neutralise makes a cell value inert: values a spreadsheet would evaluate
// get a leading apostrophe.
func Neutralise(v string) string {
	if v == "" {
		return v
	}
	switch v[0] {
	case '=', '+', '-', '@', '\t', '\r':
		return "'" + v
	}
	return v
}

// Write streams a one-sheet workbook: a bold header row, then the rows that
// next yields until it returns io.EOF.
func (Sheets) Write(w io.Writer, sheet string, headers []string, next func() ([]string, error)) (int, error) {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return 0, err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return 0, err
	}
	bold, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true}, Fill: excelize.Fill{Type: "pattern", Color: []string{"#E8EEF7"}, Pattern: 1}})
	if err != nil {
		return 0, err
	}
	if err := sw.SetColWidth(1, len(headers), 18); err != nil {
		return 0, err
	}
	if err := sw.SetRow("A1", cells(headers, bold), excelize.RowOpts{Height: 20}); err != nil {
		return 0, err
	}
	n := 0
	for {
		row, err := next()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return n, err
		}
		n++
		cell, _ := excelize.CoordinatesToCellName(1, n+1)
		if err := sw.SetRow(cell, cells(row, 0)); err != nil {
			return n, err
		}
	}
	if err := sw.Flush(); err != nil {
		return n, err
	}
	_, err = f.WriteTo(w)
	return n, err
}

func cells(values []string, style int) []any {
	out := make([]any, len(values))
	for i, v := range values {
		c := excelize.Cell{Value: Neutralise(v)}
		if style != 0 {
			c.StyleID = style
		}
		out[i] = c
	}
	return out
}

// Read returns the first sheet's rows as text, refusing more than maxRows
// data rows (after the header). Trailing empty rows are dropped.
func (Sheets) Read(r io.Reader, maxRows int) ([][]string, error) {
	f, err := excelize.OpenReader(r)
	if err != nil {
		return nil, ErrCorrupt
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) == 0 {
		return nil, ErrCorrupt
	}
	rows, err := f.Rows(sheets[0])
	if err != nil {
		return nil, ErrCorrupt
	}
	defer rows.Close()
	var out [][]string
	for rows.Next() {
		cols, err := rows.Columns()
		if err != nil {
			return nil, ErrCorrupt
		}
		out = append(out, cols)
		if len(out) > maxRows+1 {
			return nil, ErrTooManyRows
		}
	}
	for len(out) > 0 && blank(out[len(out)-1]) {
		out = out[:len(out)-1]
	}
	return out, nil
}

func blank(row []string) bool {
	for _, c := range row {
		if strings.TrimSpace(c) != "" {
			return false
		}
	}
	return true
}

// Annotate writes the rows back with a last column listing each row's
// problems and the offending cells filled red, so the sender can fix the
// file they know instead of reading a list.
func (Sheets) Annotate(w io.Writer, sheet string, rows [][]string, problems []app.CellProblem) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	red, err := f.NewStyle(&excelize.Style{Fill: excelize.Fill{Type: "pattern", Color: []string{"#F8D7DA"}, Pattern: 1}})
	if err != nil {
		return err
	}
	width := 0
	for _, r := range rows {
		width = max(width, len(r))
	}
	notes := map[int][]string{}
	for _, p := range problems {
		notes[p.Row] = append(notes[p.Row], p.Message)
	}
	for i, r := range rows {
		vals := make([]any, width+1)
		for j := range width {
			if j < len(r) {
				vals[j] = Neutralise(r[j])
			}
		}
		if i == 0 {
			vals[width] = "错误 Errors"
		} else {
			vals[width] = strings.Join(notes[i], "；")
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sheet, cell, &vals); err != nil {
			return err
		}
	}
	for _, p := range problems {
		col := p.Column
		if col < 0 {
			col = width
		}
		cell, _ := excelize.CoordinatesToCellName(col+1, p.Row+1)
		if err := f.SetCellStyle(sheet, cell, cell, red); err != nil {
			return fmt.Errorf("excel: mark %s: %w", cell, err)
		}
	}
	_, err = f.WriteTo(w)
	return err
}
