import { graphql } from "../../../gql";

// A partner's own details: what the detail page shows and the form edits. The update asks
// them back, so the cached partner is current when the page returns.
export const PARTNER_DETAILS = graphql(`
  fragment PartnerDetails on Partner {
    id
    name
    kind
    active
    address
    phone
    email
    agreementNumber
    agreementStart
    agreementEnd
    region {
      code
      name
    }
  }
`);
