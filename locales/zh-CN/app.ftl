# Huiban's screens, Simplified Chinese (the first language).

app-name = 惠办
app-tagline = 政务服务，在家就能办

nav-back = 返回
nav-home = 回到首页

home-title = 您好，请选择要办的事
home-tile-apply = 办事
home-tile-progress = 进度
home-tile-licences = 证照
home-tile-requests = 诉求
home-tile-messages = 消息
home-tile-help = 求助

catalog-title = 办事
catalog-intro = 请选择要办理的事项。
catalog-loading = 正在读取事项，请稍候……
catalog-count = 共有{ $count }项可以办理
catalog-department = 办理部门：{ $department }
catalog-fee-free = 不收费
catalog-fee = 收费{ $yuan }元（{ $description }）
catalog-retry = 再试一次

coming-soon-body = 这项功能正在建设中，很快就能使用。
coming-soon-next = 现在可以点“回到首页”，先去办别的事。

queue-status-label = 申请发送情况
outbox-waiting = 有{ $count }份申请等待发送，联网后会自动提交。
outbox-waiting-mixed = 有{ $count }件事（申请、评价、诉求或补充材料）等待发送，联网后会自动提交。
outbox-needs-attention = 有{ $count }份申请没有通过平台检查，需要您看一看，填好的内容都还在。
outbox-all-sent = 所有申请都已经送到办事平台了。
catalog-offline = 现在连不上办事平台，下面是上次保存的事项。联网以后会自动更新。

nav-settings = 设置

settings-title = 设置
settings-intro = 在这里可以把字调大、换颜色，改了马上就能看到，惠办会记住。
settings-saved = 已经记住了。
text-size-legend = 字的大小
text-size-standard = 标准
text-size-large = 大
text-size-extra-large = 特大
text-size-largest = 超大
text-size-sample = 字这么大
theme-legend = 颜色
theme-system = 跟电脑一样
theme-light = 白底黑字
theme-dark-contrast = 黑底白字（对比更强）
theme-light-contrast = 白底纯黑字（对比更强）
read-aloud-legend = 朗读
read-aloud-on = 打开页面时读给我听
read-aloud-off = 不用读

first-run-size-title = 这样的字看得清楚吗？
first-run-size-hint = 请选一个您看着最舒服的大小，以后在“设置”里还能改。
first-run-speech-title = 要不要把页面上的字读给您听？
first-run-speech-hint = 以后在“设置”里还能改。
first-run-next = 下一步
first-run-skip = 跳过，以后再说
answer-yes = 是
answer-no = 否
answer-money = { $amount } 元
answer-files = 已选好{ $count }个文件
answer-signed = 已签名

read-aloud-button = 朗读
read-aloud-stop = 停止朗读
reading-options = 可以选：{ $options }
reading-chosen = 现在选的是：{ $choice }
reading-not-chosen = 还没有选。
speech-rate-legend = 朗读的快慢
speech-rate-slow = 慢一些
speech-rate-normal = 正常
speech-rate-fast = 快一些

question-next = 下一步
date-year = 年
date-month = 月
date-day = 日
date-shown = { $year }年{ $month }月{ $day }日
date-less = { $unit }减一
date-more = { $unit }加一
keypad-delete = 删除一个字
keypad-clear = 全部清空
check-change = 修改
check-no-answer = 没有填
confirmation-number-label = 您的办件编号是：
timeline-done = 已完成
timeline-current = 正在办
timeline-pending = 还没到
timeline-overdue = 已经超过期限{ $days }个工作日
nav-help = 求助

search-label = 找事项
search-hint = 可以输入文字、拼音或拼音的第一个字母，比如：养老、yanglao、ylbx、退休金。
search-found = 找到{ $count }项
search-none = 没有找到“{ $query }”。换个说法试试，比如“养老”或“医保”。
search-button = 找

nav-login = 登录
nav-logout = 退出
login-title = 登录
login-phone-question = 您的手机号码是多少？
login-phone-hint = 我们会发一条短信，里面有6位验证码。不需要密码。
login-phone-label = 手机号码
login-send-code = 获取验证码
login-code-question = 请输入短信里的6位验证码
login-code-hint = 短信发到了 { $phone }，验证码{ $minutes }分钟内有效。
login-code-label = 验证码
login-submit = 登录
login-resend = 重新获取验证码
login-resend-wait = { $seconds }秒后可以重新获取
login-change-phone = 换一个手机号码
login-done = 已经登录。
logout-done = 已经退出，这台电脑上不再保存您的登录。

item-loading = 正在读取事项，请稍候……
item-not-found = 没有找到这个事项，它可能已经停止办理。请回到“办事”重新找一找。
item-how-long = 多久办好
item-cost = 要不要钱
item-where = 谁来办
item-materials-title = 需要准备的材料
item-materials-none = 不需要准备材料。
item-material-required = 必须带
item-material-optional = 有就带上
item-material-counts = 原件{ $originals }份{ $copies ->
        [0] ，不用复印件
       *[other] ，复印件{ $copies }份
    }
item-material-e-licence = 有电子证照就不用带纸质的

wallet-title = 证照
wallet-intro = 这里是您的电子证照。它们存在这台电脑上，没有网络也能看。
wallet-empty = 这里还没有证照。登录并联网后，您的电子证照会自动出现在这里。
wallet-verified = 已验证
wallet-verified-detail = 已验证：电子印章正确，证照在有效期内。
wallet-not-verified = 没有通过验证
wallet-issuer = 发证机关：{ $issuer }
wallet-holder = 持证人
wallet-number = 证照编号
wallet-valid = 有效期
wallet-valid-range = { $from } 到 { $to }
wallet-valid-forever = { $from } 起长期有效
wallet-qr-title = 核验二维码
wallet-qr-alt = { $type }的核验二维码
wallet-qr-hint = 办事时请工作人员扫这个二维码核验。
wallet-issuer-label = 发证机关

inbox-title = 消息
inbox-unread = { $count ->
        [0] 消息都看过了。
       *[other] 有{ $count }条消息还没看。
    }
inbox-empty = 还没有消息。办事有了进展，这里会告诉您。
inbox-new = 没看过
inbox-mark-read = 我看过了

time-shown = { $year }年{ $month }月{ $day }日 { $clock }
case-status-submitted = 申请已送到
case-status-accepted = 已受理
case-status-supplement-requested = 要补材料
case-status-reviewing = 正在审查
case-status-finished = 办结
case-status-not-accepted = 不予受理
case-status-withdrawn = 已撤回

form-opening = 正在打开表格……
form-save-and-check = 保存，回到核对页
form-optional = 这一项可以不填，直接点“下一步”。
form-question-missing = 这份表格里没有这个问题了，请回到核对页看一看。
answer-label = 您的回答
answer-licences-loading = 正在找您的电子证照……
answer-licences-none = 您的电子证照里还没有这种证。联网登录后会自动取回；没有的话，可以到窗口交纸质材料。
answer-licence-verified = 已验证
prefill-from-id-card = 这是按您的电子居民身份证填好的，请看一看对不对。不对的话可以改。
prefill-from-account = 这是按您登录用的账号填好的，请看一看对不对。不对的话可以改。
address-picked = 您选的地方：
address-again = 重新选地方
address-detail = 街道、小区、楼号和门牌号
address-loading = 正在打开地名……
address-choose-province = 请选省份
address-choose-city = 请选城市
address-choose-district = 请选区县
answer-file-choose = 选一张照片或一个PDF文件
answer-file-again = 换一张照片或文件
answer-file-keeping = 正在保存这个文件……
answer-file-kept = 文件已经选好，保存在这台电脑上了。
signature-empty = 还没有签名。请在下面的框里用手指或鼠标写上您的名字。
signature-drawn = 已经签好名了。写得不清楚可以点“重写”。
signature-clear = 重写
check-title = 请核对您填写的内容
check-hint = 哪一项不对，点旁边的“修改”。
check-problems-title = 还有几项要改一改才能提交
check-send-hint = 点“确认提交”以后，申请会先保存在这台电脑上，联网时自动送出。
check-submit = 确认提交
check-sending = 正在提交……
check-login-first = 提交前要先登录。填好的内容都保存着，登录后回到这里。
sent-title = 申请已保存
sent-done-title = 申请已经送到
sent-done-next = 办理进度可以在“进度”里看，有新进展时会发消息告诉您。
sent-qr-alt = 办件编号 { $number } 的二维码
sent-qr-caption = 到窗口办理时，可以让工作人员扫这个二维码。
sent-print = 打印回执
sent-see-progress = 看办理进度
sent-home = 回到首页
sent-waiting = 您的申请已经保存在这台电脑上。联网后会自动送出，您不用再做什么。送到后这里会显示办件编号。
sent-refused = 办事平台没有收下这份申请：{ $reason }。填好的内容都还在，可以找工作人员帮忙。
progress-login-first = 登录以后，这里会列出您办的每一件事和办到了哪一步。
progress-refreshing = 正在取最新的进度……
progress-refresh = 刷新
progress-refresh-failed = 暂时取不到最新的进度，下面是上次保存的。（{ $reason }）
progress-empty = 您还没有在办的事。
progress-submitted = 提交时间：{ $when }
progress-evaluate-waiting = 已办结，请您评价
case-now = 现在：{ $status }
case-number = 办件编号
case-department = 办理部门
case-promised-by = 承诺办结日期
case-steps = 办理过程
item-apply-title = 在这里办理
item-apply-hint = 一页只问一个问题，填好的内容会随时保存在这台电脑上。
item-apply-start = 开始办理
item-apply-continue = 接着填写
item-apply-again = 重新填一份
item-apply-unfinished = 您上次填了一部分，还没有提交。
item-apply-counter-only = 这件事暂时不能在网上办，请带上材料到办事窗口办理。
item-apply-login-first = 办理前要先登录。登录只需要手机号码和短信验证码。
inbox-see-case = 看这件事的办理进度

evaluation-level-1 = 非常满意
evaluation-level-2 = 满意
evaluation-level-3 = 基本满意
evaluation-level-4 = 不满意
evaluation-level-5 = 非常不满意

case-withdraw-title = 不想办了？
case-withdraw-left = 送出后10分钟内可以自己撤回，还剩{ $minutes }分{ $seconds }秒。
case-withdraw = 撤回这份申请
case-withdraw-sure = 撤回以后，这份申请就不办了。确定要撤回吗？
case-withdraw-confirm = 确定撤回
case-withdraw-keep = 不撤回
case-evaluate-title = 请您评价
case-evaluate-hint = 这件事已经办完了。您满意吗？您的评价会告诉办理部门。
case-evaluate = 去评价
case-evaluated = 您的评价：{ $level }
case-evaluation-waiting = 评价已保存在这台电脑上，联网后会自动送出。
case-rectification-due = 部门会在{ $date }前答复您并整改。
case-rectification-reply = 部门的整改答复：
evaluate-title = 您对这次办理满意吗？
evaluate-hint = 请选一项。选“不满意”或“非常不满意”时，请说一说原因。
evaluate-reason = 哪里不满意？请说一说
evaluate-send = 提交评价
evaluate-send-hint = 评价会先保存在这台电脑上，联网时自动送出。
case-evaluation-refused = 上次的评价办事平台没有收下：{ $reason }。请再评价一次。

request-form-title = 提一个诉求
request-kind-help = 求助：遇到困难，请政府帮一把
request-kind-consultation = 咨询：有事情想问清楚
request-kind-complaint = 投诉：对某件事不满意
request-kind-suggestion = 建议：有好的想法
request-kind-report = 举报：发现违法违规的事
request-question-kind = 您想做什么？
request-hint-kind = 请选一项。
request-question-description = 请说一说是什么事
request-hint-description = 发生了什么、想请政府做什么，写清楚就行，不用讲究格式。
request-question-location = 在什么地方？
request-hint-location = 比如：和平里街道示例社区北门。不知道可以不填。
request-question-photo = 有照片吗？
request-hint-photo = 拍一张照片会更清楚。没有可以不选，直接点“下一步”。

request-status-accepted = 已受理
request-status-dispatched = 已派给办理部门
request-status-handling = 正在办理
request-status-replied = 已答复
request-status-supervised = 已督办
request-status-closed = 已办结
request-status-revisiting = 回访：请您说说办得怎么样
request-status-revisited = 您已回答回访
request-status-evaluated = 您已评价
request-waiting = 保存在这台电脑上，联网后自动送出

requests-intro = 遇到困难、有问题要问、对什么不满意或者有好建议，都可以在这里说。我们会派给负责的部门，办完会回访您。
requests-login-first = 登录以后，就可以提诉求，也能看到每个诉求办到了哪一步。
requests-new = 提一个诉求
requests-continue = 接着填写上次的诉求
requests-empty = 您还没有提过诉求。
requests-asks-you = 请您回答回访或评价
request-number = 诉求编号
request-number-label = 您的诉求编号是：
request-what = 您说的事
request-where = 地方
request-reply = 部门的答复
request-answers-waiting = 您的回答已保存在这台电脑上，联网后会自动送出。
request-follow-up-title = 回访：请您说说办得怎么样
request-follow-up-hint = 部门想知道问题解决了没有。
request-follow-up = 回答回访
request-follow-up-resolved = 问题解决了吗？
request-follow-up-contacted = 办理部门和您联系过吗？
request-follow-up-comment = 还有什么想说的？（可以不填）
request-follow-up-send = 提交回答
request-follow-up-missing = 请回答“问题解决了吗”和“办理部门和您联系过吗”这两个问题。
request-sent-next = 我们会派给负责的部门，有进展会发消息告诉您。
request-see = 看诉求进度
request-sent-title = 诉求已经送到
request-follow-up-send-hint = 回答会先保存在这台电脑上，联网时自动送出。

case-supplement-title = 需要您补充材料
case-supplement = 补充材料
case-supplement-waiting = 补充的材料已保存在这台电脑上，联网后会自动送出。
supplement-title = 补充材料
supplement-hint = 部门说：
supplement-note = 写一句说明（可以不写）
supplement-send = 提交补充材料
supplement-send-hint = 补充的材料会先保存在这台电脑上，联网时自动送出。
case-sent-not-pulled = 已经送到，正在取回办理进度
case-refused-here = 办事平台没有收下，请点进去看一看
