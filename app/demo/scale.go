package demo

import (
	"fmt"
	"math/rand/v2"
	"time"

	"huiguan/domain/member"
)

// Units generates n current member units at scale (benchmarks and
// `demo --scale`): valid, unique codes, spread over regions, industries,
// tiers and seven years of joining, about one in twenty with a warning and
// one in ten overdue for review. They are built approved, ready to store in
// bulk; the small demo goes through the use cases instead.
func Units(seed uint64, n int, tierIDs []int64, today time.Time) []*member.Member {
	r := rand.New(rand.NewPCG(seed, 1))
	start := today.AddDate(-7, 0, 0)
	span := int64(today.Sub(start))
	out := make([]*member.Member, 0, n)
	seen := make(map[string]bool, n)
	for len(out) < n {
		city := cities[r.IntN(len(cities))]
		code := uscc(r, city.code)
		if seen[code] {
			continue
		}
		seen[code] = true
		i := len(out)
		applied := start.Add(time.Duration(r.Int64N(span)))
		joined := applied.AddDate(0, 0, 14)
		rep := person(r)
		m := &member.Member{
			MemberNo: fmt.Sprintf("%d-%06d", joined.Year(), i+1),
			Name:     fmt.Sprintf("%s%s%s（%d）", city.name, stems[r.IntN(len(stems))], kinds[r.IntN(len(kinds))], i+1),
			USCC:     member.USCC(code), UnitType: member.Company, TierID: tierIDs[min(r.IntN(10), len(tierIDs)-1)],
			Status: member.Active, Address: fmt.Sprintf("%s市%s路 %d 号", city.name, stems[r.IntN(len(stems))], 1+r.IntN(300)),
			LegalRep:  member.Person{Name: person(r), Phone: mobile(r)},
			MemberRep: member.Person{Name: rep, Phone: mobile(r)},
			Contacts:  []member.Contact{{Name: person(r), Title: titles[r.IntN(len(titles))], Phone: mobile(r), Email: fmt.Sprintf("unit%06d@example.cn", i+1)}},
			Industry:  industries[r.IntN(len(industries))], ChainSegment: segments[r.IntN(len(segments))], Region: city.name,
			Channel: member.ChannelPaper, AppliedOn: applied, JoinedOn: &joined, LastReviewedAt: today.AddDate(0, 0, -r.IntN(330)),
		}
		if r.IntN(20) == 0 {
			m.Warnings = []member.Warning{{Text: "被列入经营异常名录", Level: "medium", Date: joined, Source: "国家企业信用信息公示系统"}}
		}
		if r.IntN(10) == 0 {
			m.LastReviewedAt = joined
		}
		out = append(out, m)
	}
	return out
}
