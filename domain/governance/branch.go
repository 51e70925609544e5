package governance

import (
	"strings"
	"time"

	"huiguan/domain/errs"
)

// BranchKind is a branch (分支机构) or a representative office (代表机构).
type BranchKind string

// Branch kinds.
const (
	BranchUnit           BranchKind = "branch"
	RepresentativeOffice BranchKind = "representative_office"
)

// ParseBranchKind accepts the kinds.
func ParseBranchKind(s string) (BranchKind, error) {
	switch BranchKind(s) {
	case BranchUnit, RepresentativeOffice:
		return BranchKind(s), nil
	}
	return "", errs.Field("kind", "invalid")
}

// BranchStatus is where a branch is.
type BranchStatus string

// Branch statuses.
const (
	PendingReview BranchStatus = "pending_review" // a place name needs a reviewer before activation
	Established   BranchStatus = "established"    // recorded, not yet active
	ActiveBranch  BranchStatus = "active"
	Rejected      BranchStatus = "rejected" // a reviewer found it territorial
	Dissolved     BranchStatus = "dissolved"
)

// Suffixes that show a unit's nature (7.1.2.3). The branch list is open
// (「等」): another suffix needs a recorded review; the office list is closed.
var (
	BranchSuffixes = []string{"分会", "专业委员会", "工作委员会", "专家委员会", "技术委员会"}
	OfficeSuffixes = []string{"代表处", "办事处", "联络处"}
)

// placeTokens suggest a territorial remit. The check is a heuristic that
// opens a review (R-7.1.2.4 b); it never refuses by itself.
var placeTokens = []string{"省", "市", "县", "镇", "乡", "街道", "地区", "片区",
	"北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "黑龙江", "江苏", "浙江", "安徽", "福建", "江西",
	"山东", "河南", "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "内蒙古",
	"广西", "西藏", "宁夏", "新疆", "香港", "澳门", "广州", "深圳", "佛山", "东莞", "珠海", "中山", "惠州", "江门",
	"汕头", "湛江", "肇庆", "清远", "韶关", "揭阳", "茂名", "梅州", "河源", "阳江", "潮州", "汕尾", "云浮",
	"粤东", "粤西", "粤北", "珠三角", "大湾区"}

// Review is a recorded human judgement on a branch.
type Review struct {
	By     string
	At     time.Time
	Reason string
}

// Branch is a branch or representative office.
type Branch struct {
	ID           int64
	Kind         BranchKind
	Name         string
	Scope        []string
	Head         string
	ResolutionID *int64
	Status       BranchStatus
	SuffixReview *Review // a branch suffix outside the list, judged to show its nature
	PlaceReview  *Review // a place name in the name, judged not territorial
}

// Clauses on branches.
const (
	ClauseBranchName = "7.1.2.3"
	ClauseRegional   = "7.1.2.4"
)

// NewBranch applies the naming rules: the name starts with the
// association's registered full name; an office ends with 代表处, 办事处 or
// 联络处; a regional remit is refused; a branch has no charter of its own.
// A place name after the full name holds the branch for review.
func NewBranch(a Association, kind BranchKind, name string, scope []string, head string, resolutionID *int64, regional, ownCharter bool) (Branch, error) {
	name = strings.TrimSpace(name)
	fields := map[string]string{}
	if name == "" {
		fields["name"] = "required"
	}
	if strings.TrimSpace(head) == "" {
		fields["head"] = "required"
	}
	if resolutionID == nil {
		fields["resolution_id"] = "required"
	}
	var items []string
	for _, s := range scope {
		if s = strings.TrimSpace(s); s != "" {
			items = append(items, s)
		}
	}
	if len(items) == 0 {
		fields["scope"] = "required"
	}
	if len(fields) > 0 {
		return Branch{}, errs.Invalid("request.invalid_fields", fields)
	}
	if a.FullName == "" {
		return Branch{}, errs.Rule("association.profile_missing", ClauseBranchName)
	}
	if !strings.HasPrefix(name, a.FullName) || len(name) == len(a.FullName) {
		return Branch{}, errs.Rule("branch.name_prefix", ClauseBranchName).With("full_name", a.FullName)
	}
	if kind == RepresentativeOffice && !hasSuffix(name, OfficeSuffixes) {
		return Branch{}, errs.Rule("branch.office_suffix", ClauseBranchName)
	}
	if regional {
		return Branch{}, errs.Rule("branch.regional", ClauseRegional)
	}
	if ownCharter {
		return Branch{}, errs.Rule("branch.own_charter", ClauseBranchName)
	}
	b := Branch{Kind: kind, Name: name, Scope: items, Head: strings.TrimSpace(head), ResolutionID: resolutionID, Status: Established}
	if b.PlaceToken(a.FullName) != "" {
		b.Status = PendingReview
	}
	return b, nil
}

func hasSuffix(name string, list []string) bool {
	for _, s := range list {
		if strings.HasSuffix(name, s) {
			return true
		}
	}
	return false
}

// PlaceToken is the first place-like token in the name after the
// association's full name ("" when none): the heuristic of R-7.1.2.4 (b).
// The full name itself often holds a province and is not the remit.
func (b Branch) PlaceToken(fullName string) string {
	tail := strings.TrimPrefix(b.Name, fullName)
	for _, t := range placeTokens {
		if strings.Contains(tail, t) {
			return t
		}
	}
	return ""
}

// SuffixListed reports whether a branch's suffix is in the list, or an
// office (whose list is enforced at creation).
func (b Branch) SuffixListed() bool {
	return b.Kind == RepresentativeOffice || hasSuffix(b.Name, BranchSuffixes)
}

// ReviewPlace records the reviewer's judgement on a place name: territorial
// rejects the branch (7.1.2.4); otherwise it may be activated.
func (b *Branch) ReviewPlace(territorial bool, r Review) error {
	if b.Status != PendingReview {
		return errs.Rule("branch.no_review_pending", "")
	}
	if strings.TrimSpace(r.Reason) == "" {
		return errs.Field("reason", "required")
	}
	b.PlaceReview = &r
	if territorial {
		b.Status = Rejected
		return nil
	}
	b.Status = Established
	return nil
}

// ReviewSuffix records that a suffix outside the list shows the branch's nature.
func (b *Branch) ReviewSuffix(r Review) error {
	if b.SuffixListed() {
		return errs.Rule("branch.suffix_listed", "")
	}
	if strings.TrimSpace(r.Reason) == "" {
		return errs.Field("reason", "required")
	}
	b.SuffixReview = &r
	return nil
}

// Activate starts the branch's work; a pending place review holds it.
func (b *Branch) Activate() error {
	switch b.Status {
	case PendingReview:
		return errs.Rule("branch.place_review_pending", ClauseRegional)
	case Established:
		b.Status = ActiveBranch
		return nil
	}
	return errs.Rule("branch.not_activatable", "").With("status", string(b.Status))
}
