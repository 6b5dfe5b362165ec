package domainview

// All are the domain views the editor lists, in browser order.
func All() []View { return []View{OrgChart, Relationships, Places} }
