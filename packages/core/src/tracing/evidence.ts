// Shapes shared by the trace engine (which produces them) and the web app (which shows them).

/** Transport modes of the `transport` source. */
export type VehicleMode = 'train' | 'coach' | 'plane' | 'ship';

/** Where and how an exposure happened; every piece names the rule that accepted it. */
export type Evidence =
  | {
      readonly kind: 'household';
      readonly ruleId: string;
      readonly householdId: number;
      readonly from: number;
      readonly to: number;
    }
  | {
      readonly kind: 'venue';
      readonly ruleId: string;
      readonly venueId: number;
      /** Row key of the source person's check-in (the case, or the close contact for sub-close). */
      readonly sourceRowKey: number;
      /** Row key of the exposed person's check-in. */
      readonly rowKey: number;
      readonly from: number;
      readonly to: number;
      readonly minutes: number;
      /** A check-out was missing on either side and the profile's assumed stay was used. */
      readonly assumedStay: boolean;
    }
  | {
      readonly kind: 'vehicle';
      readonly ruleId: string;
      readonly mode: VehicleMode;
      readonly serviceId: string;
      readonly serviceDate: string;
      readonly carriage: string | null;
      readonly sourceSeat: string;
      readonly seat: string;
      readonly sourceRowKey: number;
      readonly rowKey: number;
      readonly from: number;
      readonly to: number;
    }
  | {
      readonly kind: 'investigator';
      readonly ruleId: string;
      readonly reference: string;
      readonly from: number;
      readonly to: number;
    }
  | {
      readonly kind: 'companion-co-presence';
      readonly ruleId: string;
      /** H3 cell at the profile's resolution. */
      readonly cell: string;
      readonly sourceRowKey: number;
      readonly rowKey: number;
      readonly from: number;
      readonly to: number;
      readonly minutes: number;
    }
  | {
      readonly kind: 'companion-dwell';
      readonly ruleId: string;
      readonly cell: string;
      /** Whose cumulative dwell met the clause. */
      readonly party: 'case' | 'contact';
      readonly hours: number;
    };
