package app

import (
	"errors"
	"io"
)

// Sheet errors, returned by the spreadsheet adapter.
var (
	ErrSheetCorrupt  = errors.New("sheet: not a readable .xlsx file")
	ErrSheetTooLarge = errors.New("sheet: too many rows")
)

// CellProblem marks one cell of a sheet (or its whole row when Column < 0).
type CellProblem struct {
	Row     int // 1-based data row; the header is row 0
	Column  int
	Message string
}

// Spreadsheets reads and writes .xlsx workbooks.
type Spreadsheets interface {
	// Write streams a sheet; next returns io.EOF after the last row. It
	// returns the number of data rows written.
	Write(w io.Writer, sheet string, headers []string, next func() ([]string, error)) (int, error)
	// Read returns the first sheet's rows, header first, refusing more than
	// maxRows data rows.
	Read(r io.Reader, maxRows int) ([][]string, error)
	// Annotate writes rows back with their problems marked.
	Annotate(w io.Writer, sheet string, rows [][]string, problems []CellProblem) error
}
