package member

import (
	"time"

	"huiguan/app"
	"huiguan/domain/identity"
	"huiguan/domain/member"
)

// PersonView is a representative as one viewer may see it.
type PersonView struct {
	Name  string
	Phone string
}

// ContactView is a liaison contact as one viewer may see it.
type ContactView struct {
	Name, Title, Phone, Email string
}

// View is a member unit shaped for one viewer: every field above the
// viewer's clearance is masked (or, for whole sections, left out) and named
// in Masked, so screens can say why a value is hidden.
type View struct {
	ID             int64
	MemberNo       string
	Name           string
	USCC           string
	UnitType       member.UnitType
	TierID         int64
	TierName       string
	Status         member.Status
	CouncilUnit    bool
	Address        string
	LegalRep       PersonView
	MemberRep      PersonView
	CouncilRep     *PersonView
	Contacts       []ContactView
	Industry       string
	ChainSegment   string
	Region         string
	Channel        member.Channel
	ApplicationRef string
	AppliedOn      time.Time
	JoinedOn       *time.Time
	LeftOn         *time.Time
	LeaveReason    string
	Profile        *member.Profile
	Warnings       []member.Warning
	RiskLevel      string
	LastReviewedAt time.Time
	Masked         []string
}

// viewer is who looks: their clearance, and whether the unit is their own.
type viewer struct {
	clearance identity.Clearance
	own       bool
}

func viewerOf(p app.Principal, memberID int64) viewer {
	own := p.MemberID != nil && *p.MemberID == memberID
	return viewer{clearance: p.Clearance, own: own}
}

func (v viewer) sees(field string) bool {
	return v.own || v.clearance >= member.LevelOf(field)
}

// restrictedShown lists the restricted fields a view shows in clear; their
// reads are audited.
func restrictedShown(v viewer, m *member.Member) []string {
	var out []string
	for field, level := range member.FieldLevels {
		if level == identity.Restricted && v.sees(field) && restrictedValue(m, field) != "" {
			out = append(out, field)
		}
	}
	return out
}

func restrictedValue(m *member.Member, field string) string {
	if field == member.FieldLegalRepPhone {
		return m.LegalRep.Phone
	}
	return ""
}

func toView(m *member.Member, tierName string, v viewer) View {
	out := View{
		ID: m.ID, MemberNo: m.MemberNo, Name: m.Name, UnitType: m.UnitType, TierID: m.TierID, TierName: tierName,
		Status: m.Status, CouncilUnit: m.CouncilUnit, Industry: m.Industry, ChainSegment: m.ChainSegment,
		Region: m.Region, Channel: m.Channel, AppliedOn: m.AppliedOn, JoinedOn: m.JoinedOn, LeftOn: m.LeftOn,
		LeaveReason: m.LeaveReason, LastReviewedAt: m.LastReviewedAt, RiskLevel: m.RiskLevel(),
	}
	mask := func(field, value string, masker func(string) string) string {
		if value == "" || v.sees(field) {
			return value
		}
		out.Masked = append(out.Masked, field)
		return masker(value)
	}
	out.USCC = mask(member.FieldUSCC, string(m.USCC), member.MaskUSCC)
	out.Address = mask(member.FieldAddress, m.Address, member.MaskText)
	out.LegalRep = PersonView{
		Name:  mask(member.FieldLegalRepName, m.LegalRep.Name, member.MaskName),
		Phone: mask(member.FieldLegalRepPhone, m.LegalRep.Phone, member.MaskPhone),
	}
	out.MemberRep = PersonView{
		Name:  mask(member.FieldMemberRepName, m.MemberRep.Name, member.MaskName),
		Phone: mask(member.FieldMemberRepPhone, m.MemberRep.Phone, member.MaskPhone),
	}
	if m.CouncilRep != nil {
		out.CouncilRep = &PersonView{
			Name:  mask(member.FieldCouncilRepName, m.CouncilRep.Name, member.MaskName),
			Phone: mask(member.FieldCouncilRepPhone, m.CouncilRep.Phone, member.MaskPhone),
		}
	}
	seeContacts := v.sees(member.FieldContacts)
	for _, c := range m.Contacts {
		if seeContacts {
			out.Contacts = append(out.Contacts, ContactView(c))
		} else {
			out.Contacts = append(out.Contacts, ContactView{Name: member.MaskName(c.Name), Title: c.Title,
				Phone: member.MaskPhone(c.Phone), Email: member.MaskEmail(c.Email)})
		}
	}
	if len(m.Contacts) > 0 && !seeContacts {
		out.Masked = append(out.Masked, member.FieldContacts)
	}
	if v.sees(member.FieldProfile) {
		p := m.Profile
		out.Profile = &p
	} else {
		out.Masked = append(out.Masked, member.FieldProfile)
	}
	if v.sees(member.FieldWarnings) {
		out.Warnings = m.Warnings
	} else {
		out.Masked = append(out.Masked, member.FieldWarnings)
		out.RiskLevel = ""
	}
	out.ApplicationRef = mask(member.FieldApplicationRef, m.ApplicationRef, member.MaskText)
	return out
}
