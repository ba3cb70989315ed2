import Messaging

/// What the audit holds a run to: the same quiet-hours policy and caps the gate applies, so a clean simulated
/// run audits clean and an imported one is judged by the rules it should have followed.
public struct AuditPolicy: Sendable {
    public var quietHours: QuietHoursPolicy
    /// The brand's own caps; the state same-subject caps (FL, OK, MD) always apply on top.
    public var brandCap: FrequencyCap
    /// Quiet hours bind transactional texts as well as marketing (the gate's default, compliance.md §3.1).
    public var quietHoursApplyToTransactional: Bool
    /// How soon an opt-out confirmation must follow the opt-out (CTIA MPBP §5.1.3, FCC 12-143: 5 minutes).
    public var confirmationDeadlineMilliseconds: Int64
    public var directory: AreaCodeDirectory

    public init(
        quietHours: QuietHoursPolicy = .standard,
        brandCap: FrequencyCap = .none,
        quietHoursApplyToTransactional: Bool = true,
        confirmationDeadlineMilliseconds: Int64 = 5 * 60_000,
        directory: AreaCodeDirectory = .nanp
    ) {
        self.quietHours = quietHours
        self.brandCap = brandCap
        self.quietHoursApplyToTransactional = quietHoursApplyToTransactional
        self.confirmationDeadlineMilliseconds = confirmationDeadlineMilliseconds
        self.directory = directory
    }

    /// The gate's defaults: standard quiet hours, statutory caps only.
    public static let standard = AuditPolicy()
}
