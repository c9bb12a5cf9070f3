# Error messages, Simplified Chinese: what happened and what to do, in plain words.

error-platform-unreachable = 暂时连不上办事平台。请看看网络是否连通，稍后再试一次。
error-platform-answered = 办事平台说：{ $message }
error-platform-malformed = 办事平台的回复看不懂。请稍后再试；如果一直这样，请找工作人员帮忙。
error-config = 惠办的设置有错误，请找工作人员帮忙检查。
error-unknown = 出了点问题，请稍后再试一次。
store-recovered = 本机保存的资料打不开了，已经原样另存一份，没有删除。惠办已重新开始，请找工作人员帮忙恢复以前的资料。
error-local-store = 本机保存的资料暂时读不出来。请关掉惠办再打开；如果还是这样，请找工作人员帮忙。
attachment-empty = 这个文件是空的，请换一个文件。
attachment-too-large = 文件太大了，请上传小于10MB的文件；照片可以拍得小一些。
attachment-unsupported = 只能上传照片（JPG、PNG、WebP）或PDF文件。
store-unavailable = 这台电脑没有可用的钥匙串，填好的资料不能保存在本机，断网时也不能使用。请找工作人员帮忙。
draft-not-found = 没有找到这份填写记录，它可能已经提交了。请到“进度”里看一看。
speech-unavailable = 这台电脑现在不能朗读：没有找到语音引擎。页面上的字都还在，请找工作人员帮忙打开朗读功能。
speech-failed = 朗读出了问题，请再点一次“朗读”。
