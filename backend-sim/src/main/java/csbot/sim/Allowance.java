package csbot.sim;

/** Non-monetary buckets a plan can include, with the TMF654 usage type and units the contract gives them. */
enum Allowance {
    DATA("data", "MB"),
    VOICE("voice", "min"),
    SMS("sms", "sms");

    final String usageType;
    final String units;

    Allowance(String usageType, String units) {
        this.usageType = usageType;
        this.units = units;
    }
}
