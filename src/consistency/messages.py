"""The catalogue of findings: every code, its name, default severity and messages.

Codes are stable and never reused. Families:

* C1xx totals and breakdowns, subsets          (claims/totals.py)
* C2xx shares, rates and granularity            (claims/shares.py)
* C3xx changes and change rates                 (claims/changes/)
* C4xx counted lists                            (claims/enumerations.py)
* C5xx restated figures                         (claims/restatements.py)
* C6xx completion and comparisons               (claims/completion.py)
* C7xx ratios written as ratios (C70x)         (claims/ratios.py)
       and identities of official statistics (C72x) (claims/identities/)
* C8xx table totals                             (claims/tables.py)
* C9xx notes on input and undecidable claims

Message templates use ``str.format`` fields filled from ``Outcome.params`` plus
``stated``, ``computed`` and ``mode`` (always available). Every message is one sentence
an author can act on, in Chinese and in English.
"""

from __future__ import annotations

from dataclasses import dataclass

from .verdicts import Severity

__all__ = ["CATALOGUE", "Message", "lookup", "render"]


@dataclass(frozen=True, slots=True)
class Message:
    code: str
    name: str
    severity: Severity
    zh: str
    en: str
    #: what the code finds, in one English sentence (``consistency rules``, SARIF)
    summary: str
    #: the same sentence in Chinese
    summary_zh: str = ""

    @property
    def family(self) -> str:
        return self.code[:2]


E, W, I = Severity.ERROR, Severity.WARNING, Severity.INFO

_TOTALS: tuple[Message, ...] = (
    Message(
        "C101", "sum-mismatch", E,
        "合计{stated}与各分项之和不符:{expr} = {sum}。",
        "The total {stated} is not the sum of its parts: {expr} = {sum}.",
        "A stated total differs from the sum of the parts listed as its breakdown.",
        "所列分项之和与所述合计不符。",
    ),
    Message(
        "C102", "sum-truncated", W,
        "合计{stated}只有按截尾(而非四舍五入)读取各数才与分项之和相符:{expr} = {sum}。",
        "The total {stated} matches its parts only if figures were cut, not rounded: "
        "{expr} = {sum}.",
        "A total matches its parts only when the figures are read as truncated.",
        "只有把各数读作截尾值，合计才与分项之和相符。",
    ),
    Message(
        "C103", "part-exceeds-whole", E,
        "{stated}大于它所属的总数{whole},部分不能超过整体。",
        "The part {stated} exceeds the whole it belongs to, {whole}.",
        "A figure introduced as part of another (其中, 含, 成功) is larger than it.",
        "标明为另一数一部分的数（其中、含、成功）大于该数。",
    ),
    Message(
        "C104", "part-within-whole-truncated", W,
        "{stated}只有按截尾(而非四舍五入)读取才不超过其总数{whole}。",
        "The part {stated} stays within its whole {whole} only if figures were cut, not rounded.",
        "A part fits inside its whole only when the figures are read as truncated.",
        "只有把各数读作截尾值，部分才不超过整体。",
    ),
    Message(
        "C105", "kinds-fall-short-by-a-digit", W,
        "合计{stated}比所列各类之和{sum}多{gap},恰为一位数字之差:请核对是否有数字写错(若另有未列类别则无误)。",
        "The total {stated} exceeds the sum of the kinds listed, {sum}, by {gap}, a single "
        "digit: check for a mistyped figure (fine if a kind is left unlisted).",
        "Kinds named with the total's own noun, or with one category noun, fall short of it "
        "by exactly one written digit.",
        "以合计的名词或同一类别名词列出的各类之和比合计恰好少一位数字。",
    ),
)
_SHARES: tuple[Message, ...] = (
    Message(
        "C201", "share-mismatch", E,
        "比例{stated}与所列数值不符:{expr} = {share}。",
        "The share {stated} does not follow from its counts: {expr} = {share}.",
        "A stated share or rate differs from the part divided by its base.",
        "所述比例或比率与部分除以基数之商不符。",
    ),
    Message(
        "C202", "share-truncated", W,
        "{stated}只有按截尾(而非四舍五入)才与所列数值相符:{expr} = {share}。",
        "{stated} matches its counts only if the last digit was cut, not rounded: "
        "{expr} = {share}.",
        "A share matches its counts only under truncation.",
        "只有截尾（而非四舍五入）时，比例才与所列数值相符。",
    ),
    Message(
        "C203", "share-granularity", E,
        "没有哪个整数k能使k/{n}写作{stated},最接近的是{nearest}。",
        "No whole count k out of {n} gives {stated}; the nearest are {nearest}.",
        "A share of a whole-number base that no whole-number count can produce (GRIM).",
        "以整数为基数的比例，任何整数都得不出（GRIM）。",
    ),
    Message(
        "C204", "share-granularity-truncated", W,
        "k/{n}只有按截尾(而非四舍五入)才能写作{stated},如{k}/{n}。",
        "A count out of {n} gives {stated} only if the last digit was cut, not rounded "
        "(e.g. {k}/{n}).",
        "A share of a whole-number base is reachable only under truncation.",
        "以整数为基数的比例，只有截尾时才能由整数得出。",
    ),
    Message(
        "C205", "complement-rate-mismatch", W,
        "{stated}与所指一组占两组之和的比例不符:{expr} = {share};该比率可能另有基数定义。",
        "{stated} does not follow from the group it names over the sum of both groups: "
        "{expr} = {share}; the rate may be defined on another base.",
        "A rate of a negated group (不起诉率) differs from that group over the sum of it "
        "and its complement.",
        "否定组的比率（如不起诉率）与该组占两组之和的比例不符。",
    ),
    Message(
        "C206", "total-contradicted-by-shares", E,
        "总数{stated}与所列各项的占比不符:各项占比都是按分项之和计算的({expr} = {sum}),请核对总数或分项。",
        "The total {stated} does not fit the shares listed with its parts: every share is "
        "of their sum ({expr} = {sum}); check the total or the parts.",
        "The shares of a list all fit the sum of its parts and all miss the stated total: "
        "one error, at the total.",
        "所列各项的占比都与分项之和相符、都与所述总数不符:只在总数处报一处错误。",
    ),
    Message(
        "C207", "share-of-no-whole-base", E,
        "没有哪个整数基数n能使{k}/n写作{stated},最接近的是{nearest}。",
        "No whole base n gives {k}/n = {stated}; the nearest are {nearest}.",
        "A share of a stated whole count that no whole-number base can produce (GRIM, "
        "the base left unstated).",
        "文中写明计数而未写基数的比例,任何整数基数都得不出(GRIM)。",
    ),
    Message(
        "C208", "share-of-no-whole-base-truncated", W,
        "{k}/n只有按截尾(而非四舍五入)才能写作{stated}。",
        "{k}/n gives {stated} for a whole base n only if the last digit was cut, not rounded.",
        "A share of a stated whole count is reachable over a whole base only under truncation.",
        "写明计数而未写基数的比例,只有按截尾才能由某个整数基数得出。",
    ),
)
_CHANGES: tuple[Message, ...] = (
    Message(
        "C301", "change-rate-mismatch", E,
        "变化率{stated}与所列数值不符:{formula} = {value}。",
        "The change rate {stated} does not follow from the figures: {formula} = {value}.",
        "A stated growth or reduction rate differs from the rate its figures imply.",
        "所述增减率与其数值得出的比率不符。",
    ),
    Message(
        "C302", "change-needs-rounded-inputs", I,
        "{stated}与按所列数值算得的{printed}({formula})不符,但所列数值本身为约数(如平均数),"
        "其取值范围内可得{value},故仍可成立。",
        "{stated} differs from {printed}, computed from the figures as printed ({formula}), but "
        "holds once they are read as rounded values (e.g. averages): {value}.",
        "A change holds only when its printed inputs are read as rounded values.",
        "只有把所列数值读作约数，增减才成立。",
    ),
    Message(
        "C303", "change-truncated", W,
        "{stated}只有按截尾(而非四舍五入)才与所列数值相符:{formula} = {value}。",
        "{stated} matches the figures only if the last digit was cut, not rounded: "
        "{formula} = {value}.",
        "A change matches its figures only under truncation.",
        "只有截尾时，增减才与所列数值相符。",
    ),
    Message(
        "C304", "change-amount-mismatch", E,
        "变化量{stated}与前后数值之差不符:{formula} = {value}。",
        "The stated change {stated} is not the difference of the figures: {formula} = {value}.",
        "A stated increase or decrease differs from the difference of its before/after figures.",
        "所述增减量与前后两数之差不符。",
    ),
    Message(
        "C305", "point-change-mismatch", E,
        "{stated}与两个比率之差不符:{formula} = {value}个百分点。",
        "The change of {stated} is not the difference of the two rates: {formula} = "
        "{value} points.",
        "A change in percentage points differs from the difference of the two stated rates.",
        "以百分点表示的变化与两个比率之差不符。",
    ),
    Message(
        "C306", "percent-change-read-as-points", I,
        "两个比率之间的变化写作{stated},按相对变化不成立,按百分点之差({formula} = {value})成立;"
        "宜写作“个百分点”。",
        "The change between two rates is written {stated}: it is not their relative change but "
        "their difference ({formula} = {value}); write it in percentage points.",
        "A change between two rates, written with %, holds only as a difference in points.",
        "两个比率之间的变化写作%，只有按百分点之差才成立。",
    ),
    Message(
        "C307", "change-of-rate-ambiguous", I,
        "两个比率之间的变化{stated}无法判定:相对变化为{value},百分点之差为{points}。",
        "The change {stated} between two rates cannot be judged: the relative change is {value}, "
        "the difference is {points}.",
        "A % change between two rates fits neither the relative nor the points reading.",
        "两个比率之间写作%的变化，按相对变化和百分点之差都不成立。",
    ),
    Message(
        "C308", "times-growth-read-as-multiple", I,
        "“增长{stated}”按增长倍数不成立,按“增长到{stated}”({after} ÷ {before} = {value})成立;"
        "宜写作“增长到”或“是…的”。",
        "“增长{stated}” is not the growth the figures show, but is their multiple "
        "({after} ÷ {before} = {value}); write “增长到{stated}” (grew to) instead.",
        "A growth written in 倍 holds only as a multiple of the earlier figure.",
        "以“倍”表示的增长只有按倍数读才成立。",
    ),
    Message(
        "C309", "change-undecidable", I,
        "{stated}无法核对({formula}):基数为零或变化量不小于其水平值。",
        "{stated} cannot be checked ({formula}): the base is zero or the change is not smaller "
        "than its level.",
        "A change claim whose base cannot be computed.",
        "无法计算基数的增减关系。",
    ),
    Message(
        "C310", "change-rate-no-whole-base", E,
        "{stated}不可能由整数基数得出:{formula}中n取任何整数都不得{stated},最接近的为{value}。",
        "No whole earlier count gives {stated}: in {formula} no whole n yields it; the nearest "
        "are {value}.",
        "A change rate of a whole count that no whole earlier count can produce (granularity).",
        "整数的增减率，任何整数基数都得不出（粒度检验）。",
    ),
    Message(
        "C312", "earlier-figure-contradicts-its-changes", E,
        "上期数{stated}与所述变化量和变化率都不符:按{after}和变化量{change}应为{value},"
        "而变化量与变化率彼此相符。",
        "The earlier figure {stated} fits neither the change nor the rate stated with it: "
        "{after} and the change {change} give {value}, and the change and the rate agree "
        "with each other.",
        "An earlier figure contradicted by both the change and the rate stated with it, "
        "which agree with each other.",
        "所述上期数与其后的变化量和变化率都不符,而二者彼此相符。",
    ),
    Message(
        "C311", "change-rate-rounded-in-steps", W,
        "{stated}只有经连续修约({chain})才与所列数值相符:{formula} = {value},一次修约应为{once}"
        "(GB/T 8170不允许连续修约)。",
        "{stated} matches the figures only if rounded in steps ({chain}): {formula} = {value}, "
        "which rounds once to {once} (GB/T 8170 forbids rounding in steps).",
        "A change rate that holds only when the exact rate is rounded in several steps.",
        "只有把精确的比率连续修约几次，增减率才成立。",
    ),
)
_ENUMERATIONS: tuple[Message, ...] = (
    Message(
        "C401", "counted-list-mismatch", E,
        "所述数目{stated}与列出的项数不符:实际列出{listed}项({items})。",
        "The count {stated} does not match the items listed: {listed} ({items}).",
        "A stated count differs from the number of items the text lists with it.",
        "所述数目与一同列出的项数不符。",
    ),
    Message(
        "C402", "announced-measures-mismatch", E,
        "所述数目{stated}与其后依次列出的项数不符:实际为{listed}项({items})。",
        "The count {stated} does not match the numbered measures that follow: {listed} "
        "({items}).",
        "A heading or lead-in announces N measures, but a different number follows.",
        "标题或引语预告了若干项措施，其后列出的项数不同。",
    ),
)
_RESTATEMENTS: tuple[Message, ...] = (
    Message(
        "C501", "restated-figure-mismatch", E,
        "同一数据前后不一致:此处为{stated},第{other_line}行为{other}。",
        "The same figure is stated as {stated} here and as {other} on line {other_line}.",
        "One measure, stated twice in the same words, has two different values.",
        "同一指标用相同文字陈述两次，数值不同。",
    ),
    Message(
        "C502", "restated-figure-truncated", W,
        "同一数据前后写作{stated}与{other}(第{other_line}行),只有按截尾取舍才一致。",
        "The same figure is written {stated} here and {other} on line {other_line}: they "
        "agree only if one was cut rather than rounded.",
        "A figure restated at another precision agrees only under truncation.",
        "以不同精度重述的数字只有截尾时才一致。",
    ),
    Message(
        "C503", "converted-figure-mismatch", E,
        "括注的换算值{stated}与{other}不符:按{factor}换算应为{value}。",
        "The converted figure {stated} does not match {other}: at {factor} it is {value}.",
        "A figure restated in another unit in brackets does not match the conversion.",
        "括注中换算成另一单位的数值与换算结果不符。",
    ),
    Message(
        "C504", "converted-figure-truncated", W,
        "括注的换算值{stated}只有按截尾(而非四舍五入)才与{other}相符:按{factor}换算为{value}。",
        "The converted figure {stated} matches {other} only if the last digit was cut: at "
        "{factor} it is {value}.",
        "A figure restated in another unit agrees with the conversion only under truncation.",
        "括注的换算值只有截尾时才与换算结果相符。",
    ),
)
_COMPLETION: tuple[Message, ...] = (
    Message(
        "C601", "completion-rate-mismatch", E,
        "完成比例{stated}与所列数值不符:{amount} / {target} = {computed_pct}。",
        "The completion rate {stated} does not follow from the figures: {amount} / {target} "
        "= {computed_pct}.",
        "A stated completion rate differs from the amount divided by the stated target.",
        "所述完成比例与完成数除以目标数之商不符。",
    ),
    Message(
        "C602", "completion-rate-truncated", W,
        "完成比例{stated}只有按截尾(而非四舍五入)才与{amount} / {target} = {computed_pct}相符。",
        "The completion rate {stated} matches {amount} / {target} = {computed_pct} only if "
        "the last digit was cut, not rounded.",
        "A completion rate matches its figures only under truncation.",
        "只有截尾时，完成比例才与所列数值相符。",
    ),
    Message(
        "C603", "over-completion-not-above-target", E,
        "称“超额完成”,但完成比例{stated}并未超过100%。",
        "Says the target was exceeded, but the completion rate {stated} is not above 100%.",
        "A rate described as over-completion is not above 100%.",
        "称超额完成，完成比例却不超过100%。",
    ),
    Message(
        "C604", "completion-excess-mismatch", E,
        "完成比例{stated}与所述超出(或不足)预算的金额不符:{relation_calc},实为{computed_pct}。",
        "The completion rate {stated} contradicts the stated excess (or shortfall): "
        "{relation_calc} gives {computed_pct}.",
        "A completion rate is contradicted by the amount the outturn exceeds or falls short of the target.",
        "完成比例与超出（或不足）预算的金额相矛盾。",
    ),
    Message(
        "C605", "completion-targets-differ", W,
        "同一指标的两个完成比例所对应的目标不同:{first}与{second}({value}),请核对。",
        "Two completion rates of the same measure imply different targets: {first} and "
        "{second} ({value}).",
        "Two completion rates of the same measure, side by side, imply different targets.",
        "同一指标并列的两个完成比例所对应的目标不同。",
    ),
    Message(
        "C607", "completion-targets-may-differ", I,
        "同句中的两个完成比例所对应的目标不同:{first}与{second}({value}),如应为同一目标,请核对。",
        "Two completion rates of one sentence imply different targets: {first} and {second} "
        "({value}); if they share one, check the figures.",
        "Two completion rates of one sentence imply different targets (they may have different ones).",
        "同一句中的两个完成比例对应不同目标（两者可能本就不同）。",
    ),
    Message(
        "C606", "part-targets-do-not-add-up", W,
        "总数的完成比例{stated}所对应的目标为{whole},而各组成部分的完成比例对应的目标合计为{summed},两者不符。",
        "The target implied by the total's rate {stated} is {whole}, but the targets implied "
        "by its parts' rates add up to {summed}.",
        "The targets implied by the completion rates of the parts do not add up to the total's.",
        "各组成部分的完成比例所对应的目标之和与总数的不符。",
    ),
    Message(
        "C608", "completion-rate-rounded-in-steps", W,
        "完成比例{stated}只有经连续修约({chain})才与{amount} / {target} = {computed_pct}相符,"
        "一次修约应为{once}(GB/T 8170不允许连续修约)。",
        "The completion rate {stated} matches {amount} / {target} = {computed_pct} only if "
        "rounded in steps ({chain}); rounded once, as GB/T 8170 requires, it is {once}.",
        "A completion rate that holds only when the exact rate is rounded in several steps.",
        "只有把精确的完成比例连续修约几次,完成比例才成立。",
    ),
    Message(
        "C611", "comparison-does-not-hold", E,
        "所述关系“{first}{word}{second}”不成立。",
        "The stated relation '{first} {word} {second}' does not hold.",
        "A figure said to exceed (or stay below) a threshold does not.",
        "所述大于（或小于）某一标准的关系不成立。",
    ),
)
_RATIOS: tuple[Message, ...] = (
    Message(
        "C701", "ratio-mismatch", E,
        "比值{stated}与其两项数值不符:{formula} = {value}。",
        "The ratio {stated} does not follow from its two figures: {formula} = {value}.",
        "A ratio written as N:100 or a:b differs from the two figures it derives from.",
        "写作N:100或a:b的比值与其两项数值不符。",
    ),
    Message(
        "C702", "ratio-needs-rounded-inputs", I,
        "比值{stated}与按所列数值算得的{printed}({formula})不符,但所列数值本身为约数,"
        "其取值范围内可得{value},故仍可成立。",
        "The ratio {stated} differs from {printed}, computed from the figures as printed "
        "({formula}), but holds once they are read as rounded values: {value}.",
        "A ratio holds only when its printed inputs are read as rounded values.",
        "只有把所列数值读作约数，比值才成立。",
    ),
    Message(
        "C703", "ratio-truncated", W,
        "比值{stated}只有按截尾(而非四舍五入)才与其两项数值相符:{formula} = {value}。",
        "The ratio {stated} matches its figures only if the last digit was cut, not rounded: "
        "{formula} = {value}.",
        "A ratio matches its figures only under truncation.",
        "只有截尾时，比值才与其两项数值相符。",
    ),
    Message(
        "C704", "ratio-without-counts", I,
        "比值{stated}无法核对:文中未给出{formula}的两项数值,或给出不止一处。",
        "The ratio {stated} cannot be checked: the text does not state the two figures of "
        "{formula}, or states several.",
        "A ratio stated without (or with ambiguous) counts it compares.",
        "比值缺少（或有不止一处）可比的两项数值。",
    ),
)
_IDENTITIES: tuple[Message, ...] = (
    Message(
        "C721", "identity-mismatch", E,
        "{name}{stated}与其构成数值不符:{formula} = {value}。",
        "The {name_en} {stated} does not follow from its terms: {formula} = {value}.",
        "A figure defined by an identity of official statistics (自然增长率 = 出生率 − 死亡率, "
        "性别比, 城镇化率, 收支差额…) differs from the identity over the figures stated.",
        "统计恒等式(自然增长率 = 出生率 − 死亡率、性别比、城镇化率、收支差额等)定义的数字与其构成数值不符。",
    ),
    Message(
        "C722", "identity-needs-rounded-inputs", I,
        "{name}{stated}与按所列数值算得的{printed}({formula})不符,但所列数值本身为修约值,"
        "其取值范围内可得{value},故仍可成立。",
        "The {name_en} {stated} differs from {printed}, computed from the figures as printed "
        "({formula}), but holds once they are read as the rounded values they are: {value}.",
        "An identity holds only when its printed terms are read as rounded values.",
        "只有把所列构成数值读作修约值,统计恒等式才成立。",
    ),
    Message(
        "C723", "identity-truncated", W,
        "{name}{stated}只有按截尾(而非四舍五入)才与其构成数值相符:{formula} = {value}。",
        "The {name_en} {stated} matches its terms only if the last digit was cut, not "
        "rounded: {formula} = {value}.",
        "An identity holds only under truncation.",
        "只有按截尾读取,统计恒等式才成立。",
    ),
    Message(
        "C724", "identity-terms-unclear", I,
        "{name}{stated}无法核对:文中未给出{formula}的各项数值,或某项不止一处。",
        "The {name_en} {stated} cannot be checked: the text does not state each term of "
        "{formula} once.",
        "A figure an identity defines, stated without (or with ambiguous) terms.",
        "统计恒等式定义的数字,文中未给出(或不止一处给出)其构成数值。",
    ),
    Message(
        "C725", "identity-rounded-in-steps", W,
        "{name}{stated}只有经连续修约({chain})才与其构成数值相符:{formula} = {value},"
        "一次修约应为{once}(GB/T 8170不允许连续修约)。",
        "The {name_en} {stated} matches its terms only if rounded in steps ({chain}): "
        "{formula} = {value}, which rounds once to {once} (GB/T 8170 forbids rounding in steps).",
        "An identity that holds only when its exact value is rounded in several steps.",
        "只有把精确值连续修约几次,统计恒等式才成立。",
    ),
)
_TABLES: tuple[Message, ...] = (
    Message(
        "C801", "table-total-mismatch", E,
        "表{table}{where}的{label}{stated}与各项之和不符:{relation},各项相加为{value}。",
        "Table {table}, {where_en}: the total ({label}) {stated} is not the sum of its parts: "
        "{relation} adds up to {value}.",
        "A total row or column of a table differs from the sum of the cells it closes.",
        "表格的合计行或合计列与其所合计的各格之和不符。",
    ),
    Message(
        "C802", "table-total-needs-rounding", W,
        "表{table}{where}的{label}{stated}与各项之和{value}不相等,只有把各项看作修约值"
        "({mode})时才相符。",
        "Table {table}, {where_en}: the total ({label}) {stated} differs from the sum of its parts "
        "({value}); it holds only if the cells are rounded figures ({mode_en}).",
        "A table total matches its cells only when they are read as rounded figures.",
        "只有把各格读作修约值，表格合计才与之相符。",
    ),
)

_NOTES: tuple[Message, ...] = (
    Message(
        "C901", "parts-may-overlap", I,
        "分项之和{sum}大于合计{stated}:若各类别互有重叠(同一对象计入多类)属正常,否则请核对。",
        "The parts add to {sum}, more than the total {stated}: fine if the categories "
        "overlap, otherwise worth a look.",
        "Parts of a list not marked as complete add to more than their total.",
        "未标明完整的列举，分项之和大于合计。",
    ),
    Message(
        "C902", "approximate-figure", I,
        "{stated}所涉数值含约数或无界数值,无法精确核对。",
        "{stated} involves an approximate or open-ended figure and cannot be checked exactly.",
        "A claim whose figures allow no exact interval (约, 以上) is left undecided.",
        "含约数或无界数值的关系，无法精确核对。",
    ),
    Message(
        "C903", "ambiguous-base", I,
        "{stated}的基数不明确:文中几个可能的总数都不能得出该比例。",
        "The base of {stated} is unclear: none of the candidate totals in the text gives it.",
        "A share with several candidate bases, none of which reproduces it, is left undecided.",
        "有几个可能的基数而都得不出该比例，不作判断。",
    ),
    Message(
        "C904", "parts-fall-short", I,
        "分项之和{sum}小于合计{stated}:若所列分项应覆盖全部,请核对;若只列举了部分类别,则无误。",
        "The parts add to {sum}, less than the total {stated}: an error if they are meant "
        "to cover it, fine if only some categories are listed.",
        "Parts of a list not marked as complete add to less than their total.",
        "未标明完整的列举，分项之和小于合计。",
    ),
    Message(
        "C905", "guessed-reading-disagrees", I,
        "{stated}与按位置推测的读法不符({relation}),但文中并未指明该数依据哪些数值,故只作提示:{guess}。",
        "{stated} does not fit a reading guessed from where the figures stand ({relation}); "
        "the text does not name what it rests on, so this is only a note: {guess}.",
        "A claim that fails only under a reading guessed by position is a note, not an error.",
        "只在按位置推测的读法下不成立的关系，只作说明，不算错误。",
    ),
    Message(
        "C906", "digits-may-be-lost", I,
        "{figure}紧跟在无法解码的字符(?)之后,可能缺失了数字,故{stated}所涉关系不作判断;请核对原文。",
        "{figure} follows a character lost in decoding (?), so digits may be missing: the "
        "relation at {stated} is left undecided; check the original.",
        "A relation that fails only with a figure after a character lost in decoding is a note.",
        "含紧跟在乱码字符之后的数字、不成立的关系，只作说明。",
    ),
)

CATALOGUE: dict[str, Message] = {
    m.code: m
    for m in (
        *_TOTALS,
        *_SHARES,
        *_CHANGES,
        *_ENUMERATIONS,
        *_RESTATEMENTS,
        *_COMPLETION,
        *_RATIOS,
        *_IDENTITIES,
        *_TABLES,
        *_NOTES,
    )
}


def lookup(code: str) -> Message:
    """The catalogue entry for ``code`` (KeyError names the unknown code)."""
    try:
        return CATALOGUE[code]
    except KeyError:
        raise KeyError(f"unknown finding code {code!r}") from None


def render(code: str, params: dict[str, str]) -> tuple[str, str]:
    """The Chinese and English message for ``code`` filled with ``params``."""
    m = lookup(code)
    return m.zh.format(**params), m.en.format(**params)
