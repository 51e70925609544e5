package member

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"huiguan/app"
	"huiguan/app/audit"
	"huiguan/domain/errs"
	"huiguan/domain/member"
)

// column is one column of the roster template.
type column struct {
	Header   string // the Chinese header the template carries
	Key      string // the API field it fills
	Required bool   // must the column be present in the file
}

// templateColumns define the import template; the export uses the same
// headers where the two meet, so an export can be edited and re-imported.
var templateColumns = []column{
	{"单位名称", "name", true},
	{"统一社会信用代码", "uscc", true},
	{"单位类型", "unit_type", true},
	{"会员层级", "tier", true},
	{"承认章程", "charter_accepted", true},
	{"理事单位", "council_unit", false},
	{"住所", "address", false},
	{"法定代表人", "legal_representative.name", false},
	{"法定代表人电话", "legal_representative.phone", false},
	{"会员代表", "member_representative.name", false},
	{"会员代表电话", "member_representative.phone", false},
	{"理事会代表", "council_representative.name", false},
	{"理事会代表电话", "council_representative.phone", false},
	{"联络人", "contacts.name", false},
	{"联络人职务", "contacts.title", false},
	{"联络人电话", "contacts.phone", false},
	{"联络人邮箱", "contacts.email", false},
	{"行业", "industry", false},
	{"产业链环节", "chain_segment", false},
	{"地区", "region", false},
	{"申请日期", "applied_on", false},
	{"申请表编号", "application_ref", false},
}

// unitTypeNames are the Chinese names of unit types, as the template uses them.
var unitTypeNames = map[string]member.UnitType{
	"企业法人": member.Company, "企业": member.Company, "公司": member.Company,
	"事业单位": member.PublicInstitution, "社会团体": member.SocialOrganisation,
	"民办非企业单位": member.PrivateNonEnterprise, "社会服务机构": member.PrivateNonEnterprise,
	"农民专业合作社": member.Cooperative, "分公司": member.BranchCompany, "合伙企业": member.Partnership,
	"个人独资企业": member.SoleProprietorship, "个体工商户": member.IndividualBusiness, "国家机关": member.StateOrgan,
}

// MaxImportRows bounds one import.
const MaxImportRows = 20000

// Template writes the import template: headers and one example row.
func (s *Service) Template(ctx context.Context, sheets app.Spreadsheets, w io.Writer) error {
	headers := make([]string, len(templateColumns))
	for i, c := range templateColumns {
		headers[i] = c.Header
	}
	const exampleCode = "91440101MA5C00000" // the check character is appended, so the example itself passes
	example := []string{"示例：广州某某物流有限公司", exampleCode + string(member.CheckChar(exampleCode)), "企业法人", "会员单位", "是", "否",
		"广州市黄埔区某某路 1 号", "张三", "13800000000", "李四", "13900000000", "", "", "王五", "办公室主任",
		"020-80000000", "wangwu@example.com", "道路货运", "干线运输", "广州", "2026-03-01", "SQ-2026-001"}
	done := false
	_, err := sheets.Write(w, "会员名册", headers, func() ([]string, error) {
		if done {
			return nil, io.EOF
		}
		done = true
		return example, nil
	})
	return err
}

// Export writes the roster matching f as the principal may see it and
// audits the export with its purpose and row count. A purpose is required:
// a roster leaves the system only for a stated reason.
func (s *Service) Export(ctx context.Context, sheets app.Spreadsheets, f Filter, purpose string, w io.Writer) (int, error) {
	p, err := app.MustPrincipal(ctx)
	if err != nil {
		return 0, err
	}
	purpose = strings.TrimSpace(purpose)
	if purpose == "" || utf8.RuneCountInString(purpose) > 200 {
		return 0, errs.Field("purpose", "required")
	}
	names, err := s.tierNames(ctx)
	if err != nil {
		return 0, err
	}
	headers := []string{"会员编号", "单位名称", "统一社会信用代码", "单位类型", "会员层级", "状态", "理事单位", "住所",
		"法定代表人", "法定代表人电话", "会员代表", "会员代表电话", "理事会代表", "联络人", "行业", "产业链环节", "地区",
		"申请日期", "入会日期", "退会日期", "风险等级"}
	v := viewer{clearance: p.Clearance}
	rows := make(chan []string, 256)
	errc := make(chan error, 1)
	// The reader runs beside the writer so rows flow through a small buffer
	// instead of the whole roster sitting in memory.
	readCtx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(rows)
		errc <- s.members.Each(readCtx, f, func(m *member.Member) error {
			select {
			case rows <- exportRow(toView(m, names[m.TierID], v)):
				return nil
			case <-readCtx.Done():
				return readCtx.Err()
			}
		})
	}()
	n, err := sheets.Write(w, "会员名册", headers, func() ([]string, error) {
		r, ok := <-rows
		if !ok {
			return nil, io.EOF
		}
		return r, nil
	})
	cancel()
	for range rows { // let the reader finish if the writer stopped early
	}
	if readErr := <-errc; readErr != nil && !errors.Is(readErr, context.Canceled) {
		return n, readErr
	}
	if err != nil {
		return n, err
	}
	return n, s.audit.Record(ctx, audit.Change{Action: "member.export", Entity: "member", EntityKey: "roster",
		After: map[string]any{"purpose": purpose, "rows": n, "filter": f, "clearance": p.Clearance}})
}

func exportRow(v View) []string {
	contacts := make([]string, 0, len(v.Contacts))
	for _, c := range v.Contacts {
		contacts = append(contacts, strings.TrimSpace(strings.Join([]string{c.Name, c.Title, c.Phone, c.Email}, " ")))
	}
	council := ""
	if v.CouncilRep != nil {
		council = v.CouncilRep.Name
	}
	yes := map[bool]string{true: "是", false: "否"}
	day := func(t *time.Time) string {
		if t == nil {
			return ""
		}
		return t.In(shanghai).Format(time.DateOnly)
	}
	applied := v.AppliedOn
	return []string{v.MemberNo, v.Name, v.USCC, string(v.UnitType), v.TierName, string(v.Status), yes[v.CouncilUnit],
		v.Address, v.LegalRep.Name, v.LegalRep.Phone, v.MemberRep.Name, v.MemberRep.Phone, council,
		strings.Join(contacts, "；"), v.Industry, v.ChainSegment, v.Region, day(&applied), day(v.JoinedOn), day(v.LeftOn), v.RiskLevel}
}

var shanghai = func() *time.Location {
	loc, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		return time.FixedZone("CST", 8*3600)
	}
	return loc
}()

// RowProblem is one problem of one imported row, as a code the edge
// localises: a field code (e.g. "uscc_check") or an error code.
type RowProblem struct {
	Row    int // 1-based data row
	Column string
	Field  string
	Code   string
	Params map[string]any
}

// ImportRejected carries every problem of a refused import; nothing was written.
type ImportRejected struct {
	Rows     [][]string
	Problems []RowProblem
}

func (e *ImportRejected) Error() string {
	return fmt.Sprintf("import rejected: %d problems", len(e.Problems))
}

// Unwrap makes the rejection a rule error (422).
func (e *ImportRejected) Unwrap() error {
	return &errs.Error{Kind: errs.ErrRule, Code: "member.import_rejected"}
}

// ImportResult reports a completed import.
type ImportResult struct {
	Created int
	IDs     []int64
}

// Import reads a roster file and records every row as an application
// (status applicant: an import never creates active members). Every row is
// checked first — format, eligibility, tier, duplicates in the file and in
// the registry — and nothing is written unless all pass.
func (s *Service) Import(ctx context.Context, sheets app.Spreadsheets, r io.Reader) (ImportResult, error) {
	rows, err := sheets.Read(r, MaxImportRows)
	switch {
	case errors.Is(err, app.ErrSheetTooLarge):
		return ImportResult{}, errs.Invalid("member.import_too_many_rows", map[string]string{"file": "too_long"}).With("max", MaxImportRows)
	case err != nil:
		return ImportResult{}, errs.Invalid("member.import_corrupt", map[string]string{"file": "invalid"})
	}
	if len(rows) == 0 {
		return ImportResult{}, errs.Invalid("member.import_empty", map[string]string{"file": "required"})
	}
	index, err := headerIndex(rows[0])
	if err != nil {
		return ImportResult{}, err
	}
	if len(rows) == 1 {
		return ImportResult{}, errs.Invalid("member.import_empty", map[string]string{"file": "required"})
	}
	tiers, err := s.tiers.List(ctx, true)
	if err != nil {
		return ImportResult{}, err
	}
	tierByName := map[string]int64{}
	for _, t := range tiers {
		tierByName[t.Name] = t.ID
	}
	now := s.clock.Now()
	var problems []RowProblem
	apps := make([]*member.Member, 0, len(rows)-1)
	seen := map[member.USCC]int{}
	for i, row := range rows[1:] {
		line := i + 1
		cell := func(key string) string {
			if j, ok := index[key]; ok && j < len(row) {
				return strings.TrimSpace(row[j])
			}
			return ""
		}
		a, rowProblems := applicationFromRow(cell, tierByName, line)
		problems = append(problems, rowProblems...)
		if len(rowProblems) > 0 {
			continue
		}
		m, err := member.Apply(a, now)
		if err != nil {
			problems = append(problems, problemsOf(err, line)...)
			continue
		}
		if first, dup := seen[m.USCC]; dup {
			problems = append(problems, RowProblem{Row: line, Column: "统一社会信用代码", Field: "uscc", Code: "duplicate_in_file", Params: map[string]any{"row": first}})
			continue
		}
		seen[m.USCC] = line
		apps = append(apps, m)
	}
	if len(apps) > 0 {
		codes := make([]string, 0, len(apps))
		for _, m := range apps {
			codes = append(codes, string(m.USCC))
		}
		taken, err := s.members.ExistingUSCCs(ctx, codes)
		if err != nil {
			return ImportResult{}, err
		}
		for _, m := range apps {
			if taken[string(m.USCC)] {
				problems = append(problems, RowProblem{Row: seen[m.USCC], Column: "统一社会信用代码", Field: "uscc", Code: "taken"})
			}
		}
	}
	if len(problems) > 0 {
		return ImportResult{}, &ImportRejected{Rows: rows, Problems: problems}
	}
	var res ImportResult
	err = s.tx.Do(ctx, func(ctx context.Context) error {
		if err := s.members.CreateMany(ctx, apps); err != nil {
			return conflict(err, "member.uscc_taken", "uscc") // a concurrent registration won the race
		}
		events := make([]Event, len(apps))
		changes := make([]audit.Change, len(apps))
		p, _ := app.PrincipalFrom(ctx)
		for i, m := range apps {
			events[i] = Event{MemberID: m.ID, At: now, ToStatus: m.Status, Ref: m.ApplicationRef, Reason: "import", ActorName: p.Username}
			changes[i] = audit.Change{Action: "member.import", Entity: "member", EntityID: m.ID, After: auditView(m)}
			res.IDs = append(res.IDs, m.ID)
		}
		if err := s.members.AddEvents(ctx, events); err != nil {
			return err
		}
		return s.audit.RecordMany(ctx, changes)
	})
	if err != nil {
		return ImportResult{}, err
	}
	res.Created = len(apps)
	return res, nil
}

// Annotate writes a rejected import back with its problems marked;
// message turns a problem into text in the reader's language.
func (s *Service) Annotate(sheets app.Spreadsheets, rej *ImportRejected, message func(RowProblem) string, w io.Writer) error {
	index, _ := headerIndex(rej.Rows[0])
	cells := make([]app.CellProblem, len(rej.Problems))
	for i, p := range rej.Problems {
		col := -1
		if j, ok := index[columnKey(p.Column)]; ok {
			col = j
		}
		cells[i] = app.CellProblem{Row: p.Row, Column: col, Message: p.Column + "：" + message(p)}
	}
	return sheets.Annotate(w, "会员名册", rej.Rows, cells)
}

func columnKey(header string) string {
	for _, c := range templateColumns {
		if c.Header == header {
			return c.Key
		}
	}
	return ""
}

// headerIndex maps template keys to column positions; a file without a
// required column is the wrong template.
func headerIndex(header []string) (map[string]int, error) {
	index := map[string]int{}
	for j, h := range header {
		h = strings.TrimSpace(h)
		for _, c := range templateColumns {
			if h == c.Header || strings.EqualFold(h, c.Key) {
				index[c.Key] = j
			}
		}
	}
	var missing []string
	for _, c := range templateColumns {
		if _, ok := index[c.Key]; c.Required && !ok {
			missing = append(missing, c.Header)
		}
	}
	if len(missing) > 0 {
		return nil, errs.Invalid("member.import_template", map[string]string{"file": "template"}).With("missing", strings.Join(missing, "、"))
	}
	return index, nil
}

func applicationFromRow(cell func(string) string, tiers map[string]int64, line int) (member.Application, []RowProblem) {
	var problems []RowProblem
	bad := func(header, field, code string) {
		problems = append(problems, RowProblem{Row: line, Column: header, Field: field, Code: code})
	}
	a := member.Application{Name: cell("name"), USCC: cell("uscc"), Channel: member.ChannelImport,
		ApplicationRef: cell("application_ref"), Industry: cell("industry"), ChainSegment: cell("chain_segment"), Region: cell("region")}
	if t, ok := unitTypeNames[cell("unit_type")]; ok {
		a.UnitType = t
	} else if t := member.UnitType(cell("unit_type")); t != "" {
		a.UnitType = t // English codes are accepted too; eligibility checks them
	} else {
		bad("单位类型", "unit_type", "required")
	}
	if id, ok := tiers[cell("tier")]; ok {
		a.TierID = id
	} else {
		bad("会员层级", "tier", "tier_unknown")
	}
	var err error
	if a.CharterAccepted, err = yesNo(cell("charter_accepted")); err != nil {
		bad("承认章程", "charter_accepted", "yes_no")
	}
	if a.CouncilUnit, err = yesNo(cell("council_unit")); err != nil {
		bad("理事单位", "council_unit", "yes_no")
	}
	if d := cell("applied_on"); d != "" {
		t, err := time.ParseInLocation(time.DateOnly, d, shanghai)
		if err != nil {
			bad("申请日期", "applied_on", "date")
		}
		a.AppliedOn = t.UTC()
	}
	a.Roster = member.Roster{
		Address:   cell("address"),
		LegalRep:  member.Person{Name: cell("legal_representative.name"), Phone: cell("legal_representative.phone")},
		MemberRep: member.Person{Name: cell("member_representative.name"), Phone: cell("member_representative.phone")},
	}
	if n := cell("council_representative.name"); n != "" {
		a.Roster.CouncilRep = &member.Person{Name: n, Phone: cell("council_representative.phone")}
	}
	if n := cell("contacts.name"); n != "" || cell("contacts.phone") != "" || cell("contacts.email") != "" {
		a.Roster.Contacts = []member.Contact{{Name: n, Title: cell("contacts.title"), Phone: cell("contacts.phone"), Email: cell("contacts.email")}}
	}
	return a, problems
}

func yesNo(s string) (bool, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "是", "y", "yes", "true", "1":
		return true, nil
	case "否", "n", "no", "false", "0", "":
		return false, nil
	}
	return false, errs.Field("", "yes_no")
}

// problemsOf turns a domain refusal of one row into row problems.
func problemsOf(err error, line int) []RowProblem {
	e, ok := errs.As(err)
	if !ok {
		return []RowProblem{{Row: line, Column: "", Code: "invalid"}}
	}
	if len(e.Fields) == 0 {
		header := "单位类型"
		if e.Code == "member.uscc_not_eligible" {
			header = "统一社会信用代码"
		}
		return []RowProblem{{Row: line, Column: header, Field: columnKey(header), Code: e.Code, Params: e.Params}}
	}
	var out []RowProblem
	for field, code := range e.Fields {
		header := ""
		for _, c := range templateColumns {
			if c.Key == field || strings.HasPrefix(c.Key, field+".") {
				header = c.Header
				break
			}
		}
		out = append(out, RowProblem{Row: line, Column: header, Field: field, Code: code, Params: e.Params})
	}
	return out
}
