import { graphql } from "../../../gql";

// A donor's own details: what the detail page shows and the form edits. The update asks
// them back, so the cached donor is current when the page returns.
export const DONOR_DETAILS = graphql(`
  fragment DonorDetails on Donor {
    id
    name
    kind
    email
    phone
    contactName
    taxId
    accountNumber
    region {
      code
      name
    }
    partner {
      id
      name
    }
  }
`);
