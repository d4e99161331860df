package dev.txlab.harness.audit;

/** The invariants of docs/design.md that the audit checks. */
public enum Invariant {
    I0_NOTHING_LOST("I0 nothing lost"),
    I1_ATOMICITY("I1 atomicity"),
    I2_CONSERVATION("I2 conservation"),
    I3_NO_LEFTOVERS("I3 no leftovers"),
    I4_SINGLE_EFFECT("I4 single effect"),
    I5_TERMINATION("I5 termination"),
    I6_READ_MODELS("I6 read models");

    private final String label;

    Invariant(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
