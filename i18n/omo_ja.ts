<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja_JP" sourcelanguage="en">
    <context>
        <name>app</name>
        <message>
            <source>{what}.</source>
            <translation>{what}。</translation>
        </message>
        <message>
            <source>That approval does not cover this; nothing changed.</source>
            <translation>その承認はこの操作には適用されません。何も変更されていません。</translation>
        </message>
        <message>
            <source>Scan the items first, then the store credit.</source>
            <translation>先に商品をスキャンしてから、ストアクレジットをスキャンしてください。</translation>
        </message>
        <message>
            <source>Store credit needs the backend; this till has none.</source>
            <translation>ストアクレジットにはバックエンドが必要ですが、このレジにはありません。</translation>
        </message>
        <message>
            <source>This store credit is already on the sale.</source>
            <translation>このストアクレジットは既に販売に適用されています。</translation>
        </message>
        <message>
            <source>Store credit {code} is not known (a credit issued offline works once its till synced).</source>
            <translation>ストアクレジット {code} は不明です (オフラインで発行されたものは、そのレジの同期後に使えます)。</translation>
        </message>
        <message>
            <source>This store credit is in {currency}.</source>
            <translation>このストアクレジットの通貨は{currency}です。</translation>
        </message>
        <message>
            <source>Nothing is left on store credit {code}.</source>
            <translation>ストアクレジット {code} の残高はありません。</translation>
        </message>
        <message>
            <source>The store credit was refused: {why}.</source>
            <translation>ストアクレジットが拒否されました: {why}。</translation>
        </message>
        <message>
            <source>Store credit: {amount} taken ({left} left on it). Take the rest: {rest}.</source>
            <translation>ストアクレジット: {amount} を使用 (残り {left})。残り {rest} を受けてください。</translation>
        </message>
        <message>
            <source>The backend cannot be reached ({error}): store credit cannot be used now. Take another tender.</source>
            <translation>バックエンドに接続できません ({error}): 現在ストアクレジットは使えません。別の支払方法で受けてください。</translation>
        </message>
        <message>
            <source>Finish or give up the exchange in progress first.</source>
            <translation>先に進行中の交換を完了するか、取りやめてください。</translation>
        </message>
        <message>
            <source>An exchange needs the purchase checked by the backend; take this back as a return instead.</source>
            <translation>交換にはバックエンドによる購入確認が必要です。代わりに返品として受けてください。</translation>
        </message>
        <message>
            <source>Exchange: {credit} credit for the items from {label}. Scan the new items on Sell, then complete the exchange here.</source>
            <translation>交換: {label} の商品分 {credit} のクレジット。販売で新しい商品をスキャンしてから、ここで交換を完了してください。</translation>
        </message>
        <message>
            <source>No exchange is waiting.</source>
            <translation>待機中の交換はありません。</translation>
        </message>
        <message>
            <source>Scan the new items on Sell first.</source>
            <translation>先に販売で新しい商品をスキャンしてください。</translation>
        </message>
        <message>
            <source>Exchange credit {credit} taken. The customer pays {rest}: press Cash or Card on Sell.</source>
            <translation>交換クレジット {credit} を適用しました。お客様のお支払いは {rest} です: 販売で現金またはカードを押してください。</translation>
        </message>
        <message>
            <source>Exchange done: give the customer {cash} in cash.</source>
            <translation>交換完了: お客様に現金で {cash} をお渡しください。</translation>
        </message>
        <message>
            <source>Exchange done: {amount} refunded.</source>
            <translation>交換完了: {amount} を返金しました。</translation>
        </message>
        <message>
            <source>Exchange done: nothing to pay either way.</source>
            <translation>交換完了: 双方とも支払いはありません。</translation>
        </message>
        <message>
            <source>Attach the member first: coupons are theirs.</source>
            <translation>先に会員を登録してください：クーポンは会員のものです。</translation>
        </message>
        <message>
            <source>This coupon is not the member's, or not in force.</source>
            <translation>このクーポンはこの会員のものではないか、有効期間外です。</translation>
        </message>
        <message>
            <source>Coupon {name} is on the sale.</source>
            <translation>クーポン「{name}」を販売に適用しました。</translation>
        </message>
        <message>
            <source>already used (another till or the web)</source>
            <translation>使用済みです（別のレジまたはウェブ）</translation>
        </message>
        <message>
            <source>not this member's</source>
            <translation>この会員のものではありません</translation>
        </message>
        <message>
            <source>cannot be checked offline; the member keeps it</source>
            <translation>オフラインでは確認できません。会員がそのまま保持します</translation>
        </message>
        <message>
            <source>The sale changed meanwhile. Take the payment again.</source>
            <translation>その間に販売が変わりました。もう一度支払いを受けてください。</translation>
        </message>
        <message>
            <source>Coupon {name} was taken off: {why}. The total is now {total}: take the payment again.</source>
            <translation>クーポン「{name}」を外しました：{why}。合計は {total} になりました。もう一度支払いを受けてください。</translation>
        </message>
        <message>
            <source>Part of this sale is paid: finish it first.</source>
            <translation>この販売は一部支払い済みです。先に完了してください。</translation>
        </message>
        <message>
            <source>This shared cart is not known (or no longer kept).</source>
            <translation>この共有カートは見つかりません（または保存期間を過ぎています）。</translation>
        </message>
        <message>
            <source>The shared cart cannot be loaded: the backend cannot be reached.</source>
            <translation>共有カートを読み込めません：バックエンドに接続できません。</translation>
        </message>
        <message>
            <source>Shared cart: {added} of {total} lines added, {repriced} at the shop's price; {left} not added (listed).</source>
            <translation>共有カート：{total} 行中 {added} 行を追加（うち {repriced} 行は店頭価格）。{left} 行は追加されていません（一覧参照）。</translation>
        </message>
        <message>
            <source>The sale is empty.</source>
            <translation>販売が空です。</translation>
        </message>
        <message>
            <source>A cart for the app holds at most 200 lines.</source>
            <translation>アプリ用カートは最大 200 行です。</translation>
        </message>
        <message>
            <source>The cart cannot be handed over: the backend cannot be reached.</source>
            <translation>カートを渡せません：バックエンドに接続できません。</translation>
        </message>
        <message>
            <source>The customer scans this code with the OMO app to finish there. The sale stays open here: void or park it once they have it.</source>
            <translation>お客様がOMOアプリでこのコードを読み取り、アプリで購入を完了します。この販売はここで開いたままです。お客様が受け取ったら取消または保留にしてください。</translation>
        </message>
        <message>
            <source>Attach the member first: points pay only for their own sale.</source>
            <translation>先に会員を登録してください：ポイントは本人の販売にのみ使えます。</translation>
        </message>
        <message>
            <source>The member's points cannot be read now (offline). Take another tender.</source>
            <translation>現在、会員のポイントを読み取れません（オフライン）。別の支払方法を使ってください。</translation>
        </message>
        <message>
            <source>Offline, this till takes at most {cap} points. Take another tender.</source>
            <translation>オフラインでは、このレジで使えるのは最大 {cap} ポイントです。別の支払方法を使ってください。</translation>
        </message>
        <message>
            <source>Points cannot be redeemed while the backend cannot be reached.</source>
            <translation>バックエンドに接続できない間はポイントを使えません。</translation>
        </message>
        <message>
            <source>The member has {balance} points, fewer than {points}.</source>
            <translation>会員のポイントは {balance} で、{points} に足りません。</translation>
        </message>
        <message>
            <source>{points} points ({amount}) taken. Take the rest: {rest}.</source>
            <translation>{points} ポイント（{amount}）を受け取りました。残り {rest} を受け取ってください。</translation>
        </message>
        <message>
            <source>Basic</source>
            <translation>ベーシック</translation>
        </message>
        <message>
            <source>Silver</source>
            <translation>シルバー</translation>
        </message>
        <message>
            <source>Gold</source>
            <translation>ゴールド</translation>
        </message>
        <message>
            <source>Platinum</source>
            <translation>プラチナ</translation>
        </message>
        <message>
            <source>The backend did not accept this member code (expired, cancelled or not genuine). Ask the member to reopen the code in the app, or type the member number.</source>
            <translation>バックエンドはこの会員コードを受け付けませんでした（期限切れ、無効化、または正規のものではありません）。会員にアプリでコードを開き直してもらうか、会員番号を入力してください。</translation>
        </message>
        <message>
            <source>Log in first.</source>
            <translation>先にログインしてください。</translation>
        </message>
        <message>
            <source>Your role cannot look up members.</source>
            <translation>あなたの役割では会員を検索できません。</translation>
        </message>
        <message>
            <source>This till has no OMO backend: members cannot be found.</source>
            <translation>このレジにはOMOバックエンドがありません：会員を検索できません。</translation>
        </message>
        <message>
            <source>Scan the member's code, or type a number, name, phone or e-mail.</source>
            <translation>会員コードを読み取るか、番号・名前・電話番号・メールアドレスを入力してください。</translation>
        </message>
        <message>
            <source>The backend cannot be reached: scan the member's code or type their number.</source>
            <translation>バックエンドに接続できません：会員コードを読み取るか会員番号を入力してください。</translation>
        </message>
        <message>
            <source>The member search failed. Try again.</source>
            <translation>会員検索に失敗しました。もう一度お試しください。</translation>
        </message>
        <message>
            <source>No member found.</source>
            <translation>会員が見つかりません。</translation>
        </message>
        <message>
            <source>Members found: {n}.</source>
            <translation>見つかった会員：{n} 人。</translation>
        </message>
        <message>
            <source>There is no member {no}.</source>
            <translation>会員 {no} はいません。</translation>
        </message>
        <message>
            <source>The backend cannot be reached and member {no} is not in this till's cache.</source>
            <translation>バックエンドに接続できず、会員 {no} はこのレジのキャッシュにありません。</translation>
        </message>
        <message>
            <source>The member could not be opened. Try again.</source>
            <translation>会員を開けませんでした。もう一度お試しください。</translation>
        </message>
        <message>
            <source>The backend cannot be reached: showing what this till kept.</source>
            <translation>バックエンドに接続できません：このレジが保存していた内容を表示しています。</translation>
        </message>
        <message>
            <source>The check-in could not be recorded. Try again.</source>
            <translation>チェックインを記録できませんでした。もう一度お試しください。</translation>
        </message>
        <message>
            <source>Member {no} has already checked in today.</source>
            <translation>会員 {no} は本日すでにチェックイン済みです。</translation>
        </message>
        <message>
            <source>Member {no} checked in: {points} points (provisional).</source>
            <translation>会員 {no} がチェックインしました：{points} ポイント（仮）。</translation>
        </message>
        <message>
            <source>The enrolment could not be recorded. Try again.</source>
            <translation>入会を記録できませんでした。もう一度お試しください。</translation>
        </message>
        <message>
            <source>Welcome, {name}! Member number {no}: usable now; the backend confirms it when it syncs.</source>
            <translation>{name} 様、ようこそ！会員番号 {no}：すぐに使えます。同期時にバックエンドが確定します。</translation>
        </message>
        <message>
            <source>No member data is kept on this till.</source>
            <translation>このレジには会員データは保存されていません。</translation>
        </message>
        <message>
            <source>Removed {n} cached members.</source>
            <translation>キャッシュから会員 {n} 人を削除しました。</translation>
        </message>
        <message>
            <source>Wait: the hand-over is being recorded.</source>
            <translation>お待ちください: 引き渡しを記録しています。</translation>
        </message>
        <message>
            <source>Pickups need the backend; this till has none.</source>
            <translation>店舗受取にはバックエンドが必要ですが、このレジにはありません。</translation>
        </message>
        <message>
            <source>The backend cannot be reached ({error}): pickups wait until it is back.</source>
            <translation>バックエンドに接続できません ({error}): 復旧するまで店舗受取はお待ちください。</translation>
        </message>
        <message>
            <source>{n} orders waiting for pickup; {late} not collected in time.</source>
            <translation>受取待ちの注文 {n}件、うち期限切れ {late}件。</translation>
        </message>
        <message>
            <source>Scan the order's QR code or type its number.</source>
            <translation>注文のQRコードをスキャンするか、注文番号を入力してください。</translation>
        </message>
        <message>
            <source>There is no online order {order}.</source>
            <translation>オンライン注文 {order} はありません。</translation>
        </message>
        <message>
            <source>Order {order} is {status}, not waiting for pickup.</source>
            <translation>注文 {order} は{status}で、受取待ちではありません。</translation>
        </message>
        <message>
            <source>Order {order} waits at another store ({store}).</source>
            <translation>注文 {order} は別の店舗 ({store}) で受取待ちです。</translation>
        </message>
        <message>
            <source>Order {order}{shelf} was not collected in time: hand it over if the customer is here, or take it back to stock.</source>
            <translation>注文 {order}{shelf} は期限内に受け取られませんでした: お客様がいれば引き渡し、いなければ在庫に戻してください。</translation>
        </message>
        <message>
            <source>Order {order}{shelf} for {customer}: check the customer, then hand it over.</source>
            <translation>{customer} 様の注文 {order}{shelf}: お客様を確認してから引き渡してください。</translation>
        </message>
        <message>
            <source>Open the order first.</source>
            <translation>先に注文を開いてください。</translation>
        </message>
        <message>
            <source>Say what the customer gave: name, card digits or code.</source>
            <translation>お客様から受け取った情報 (氏名、カード番号の一部、またはコード) を入力してください。</translation>
        </message>
        <message>
            <source>That does not match order {order}.</source>
            <translation>注文 {order} と一致しません。</translation>
        </message>
        <message>
            <source>Customer checked. Hand the order over.</source>
            <translation>お客様を確認しました。注文を引き渡してください。</translation>
        </message>
        <message>
            <source>Line {line}: {waiting} waiting.</source>
            <translation>行 {line}: {waiting}点 待機中。</translation>
        </message>
        <message>
            <source>Check the customer first: their name, the card's last digits, or the app's code.</source>
            <translation>先にお客様を確認してください: 氏名、カード番号の末尾、またはアプリのコード。</translation>
        </message>
        <message>
            <source>Nothing is handed over: give at least one item.</source>
            <translation>何も引き渡されません: 少なくとも1点を引き渡してください。</translation>
        </message>
        <message>
            <source>Say why {n} × {item} is not taken.</source>
            <translation>{item} × {n} を受け取らない理由を入力してください。</translation>
        </message>
        <message>
            <source>hand over order {order}</source>
            <translation>注文{order}の引き渡し</translation>
        </message>
        <message>
            <source>The hand-over could NOT be saved ({error}): keep the goods; try again.</source>
            <translation>引き渡しを保存できませんでした ({error}): 商品は渡さずに保管し、再試行してください。</translation>
        </message>
        <message>
            <source>Order {order} was NOT handed over here: the backend says {reason}. Another till may have handed it over already: keep the goods and open the order again.</source>
            <translation>注文 {order} はここでは引き渡されていません: バックエンドの応答は {reason}。別のレジで既に引き渡された可能性があります: 商品は保管し、注文を開き直してください。</translation>
        </message>
        <message>
            <source>Order {order}: {units} items handed over; the customer's app shows it.</source>
            <translation>注文 {order}: {units}点を引き渡しました。お客様のアプリに表示されます。</translation>
        </message>
        <message>
            <source>Order {order}: {units} items handed over; the backend hears of it when the till is online.</source>
            <translation>注文 {order}: {units}点を引き渡しました。レジがオンラインになるとバックエンドに伝わります。</translation>
        </message>
        <message>
            <source>Returns are not available on this till.</source>
            <translation>このレジでは返品を扱えません。</translation>
        </message>
        <message>
            <source>This till has no backend: returns cannot be checked.</source>
            <translation>このレジにはバックエンドがないため、返品を確認できません。</translation>
        </message>
        <message>
            <source>The backend refused this return: {why}. Nothing was refunded.</source>
            <translation>バックエンドがこの返品を拒否しました: {why}。返金はされていません。</translation>
        </message>
        <message>
            <source>The backend does not know it: {why}.</source>
            <translation>バックエンドに記録がありません: {why}。</translation>
        </message>
        <message>
            <source>The backend cannot check this return now ({error}). Nothing was refunded. Try again, or a manager may approve an unverified return to store credit.</source>
            <translation>バックエンドが現在この返品を確認できません ({error})。返金はされていません。再試行するか、責任者が未確認の返品をストアクレジットで承認できます。</translation>
        </message>
        <message>
            <source>That return is not on this till.</source>
            <translation>その返品はこのレジにありません。</translation>
        </message>
        <message>
            <source>Return {no} was already recorded.</source>
            <translation>返品 {no} は既に記録されています。</translation>
        </message>
        <message>
            <source>The refund was made but the return could not be saved ({error}). Do not refund again: press Finish to save it.</source>
            <translation>返金は済みましたが、返品を保存できませんでした ({error})。再度返金しないでください: 完了を押して保存してください。</translation>
        </message>
        <message>
            <source>Card refunds are off on this till ({why}). Refund this part another way, or from a till with a card reader.</source>
            <translation>このレジではカード返金が無効です ({why})。この分は別の方法で返金するか、カードリーダーのあるレジで返金してください。</translation>
        </message>
        <message>
            <source>The Interac refund was cancelled; nothing was refunded yet.</source>
            <translation>Interacの返金はキャンセルされました。まだ返金されていません。</translation>
        </message>
        <message>
            <source>The Interac refund did not go through: {why}. Try again.</source>
            <translation>Interacの返金ができませんでした: {why}。再試行してください。</translation>
        </message>
        <message>
            <source>The reader timed out waiting for the Interac card. Try again.</source>
            <translation>リーダーがInteracカードの待機中にタイムアウトしました。再試行してください。</translation>
        </message>
        <message>
            <source>The card refund of {amount} could not be confirmed ({why}). Nothing is lost: press Retry; the customer is never refunded twice.</source>
            <translation>{amount} のカード返金を確認できませんでした ({why})。何も失われていません: 再試行を押してください。二重に返金されることはありません。</translation>
        </message>
        <message>
            <source>Stripe refused the card refund of {amount}: {why} Refund that part another way (store credit or cash), or give the return up if nothing was refunded.</source>
            <translation>Stripeが {amount} のカード返金を拒否しました: {why} その分は別の方法 (ストアクレジットまたは現金) で返金するか、何も返金されていなければ返品を取りやめてください。</translation>
        </message>
        <message>
            <source>That return is not waiting.</source>
            <translation>その返品は待機中ではありません。</translation>
        </message>
        <message>
            <source>Part of this return was already refunded to the card: finish it instead.</source>
            <translation>この返品の一部は既にカードに返金されています: 取りやめずに完了してください。</translation>
        </message>
        <message>
            <source>The backend cannot be reached to release the items ({error}).</source>
            <translation>商品を解放するためのバックエンドに接続できません ({error})。</translation>
        </message>
        <message>
            <source>The return was given up; nothing was refunded.</source>
            <translation>返品を取りやめました。返金はされていません。</translation>
        </message>
        <message>
            <source>Wrong size</source>
            <translation>サイズ違い</translation>
        </message>
        <message>
            <source>Changed mind</source>
            <translation>気が変わった</translation>
        </message>
        <message>
            <source>Faulty</source>
            <translation>不良品</translation>
        </message>
        <message>
            <source>Not as described</source>
            <translation>説明と異なる</translation>
        </message>
        <message>
            <source>Arrived too late</source>
            <translation>到着が遅すぎた</translation>
        </message>
        <message>
            <source>Not collected</source>
            <translation>未受取</translation>
        </message>
        <message>
            <source>Too many wrong checks for order {order}: the backend checks no more for {minutes} min. Scan the order's QR code in the customer's app instead.</source>
            <translation>注文 {order} の確認の誤りが多すぎます。バックエンドは {minutes} 分間確認を受け付けません。代わりにお客様のアプリにある注文の QR コードをスキャンしてください。</translation>
        </message>
        <message>
            <source>Wait: a refund is being made.</source>
            <translation>お待ちください: 返金処理中です。</translation>
        </message>
        <message>
            <source>Scan the order or receipt, or type its number.</source>
            <translation>注文またはレシートをスキャンするか、番号を入力してください。</translation>
        </message>
        <message>
            <source>There is no sale or online order {typed}. A sale of another till is found once that till has synced; a return receipt cannot be taken back.</source>
            <translation>販売またはオンライン注文 {typed} はありません。他のレジの販売は、そのレジの同期後に見つかります。返品レシートは返品できません。</translation>
        </message>
        <message>
            <source>{typed} is not an order, receipt or member number.</source>
            <translation>{typed} は注文、レシート、会員の番号ではありません。</translation>
        </message>
        <message>
            <source>{receipt_no} is a return receipt, not a sale: returns are taken back from the original sale's receipt. Scan or type the number of the original purchase.</source>
            <translation>{receipt_no} は返品レシートで、販売ではありません。返品は元の販売のレシートから受け付けます。元の購入の番号をスキャンまたは入力してください。</translation>
        </message>
        <message>
            <source>{receipt_no} is a return receipt (of {original}), not a sale: returns are taken back from the original sale's receipt. Scan or type {original}.</source>
            <translation>{receipt_no} は（{original} の）返品レシートで、販売ではありません。返品は元の販売のレシートから受け付けます。{original} をスキャンまたは入力してください。</translation>
        </message>
        <message>
            <source>The backend cannot be reached ({error}): online orders and other tills' sales cannot be looked up now. A sale of this till can still be taken back (unverified, store credit).</source>
            <translation>バックエンドに接続できません ({error}): 現在オンライン注文や他のレジの販売は検索できません。このレジの販売は返品できます (未確認、ストアクレジット)。</translation>
        </message>
        <message>
            <source>no backend</source>
            <translation>バックエンドなし</translation>
        </message>
        <message>
            <source>This sale is not known here or at the backend yet (a sale of another till arrives when that till syncs). Try again in a moment.</source>
            <translation>この販売はまだここにもバックエンドにもありません (他のレジの販売はそのレジの同期時に届きます)。少し待ってから再試行してください。</translation>
        </message>
        <message>
            <source>Sale {receipt_no} from this till's journal: the backend cannot check it now, so it can only be an unverified return to store credit (a manager approves).</source>
            <translation>このレジのジャーナルの販売 {receipt_no}: バックエンドが現在確認できないため、未確認のストアクレジット返品のみ可能です (責任者が承認)。</translation>
        </message>
        <message>
            <source>Order {label} found by its number: check the customer (name, the card's last digits or the code in their app) to see what is on it.</source>
            <translation>注文 {label} を番号で見つけました。内容を見るにはお客様を確認してください（名前、カードの下4桁、またはアプリのコード）。</translation>
        </message>
        <message>
            <source>{label}: everything on it was already returned.</source>
            <translation>{label}: すべて返品済みです。</translation>
        </message>
        <message>
            <source>Order {label} found by its number: check the customer (name, the card's last digits or the code in their app) before refunding.</source>
            <translation>番号で注文 {label} が見つかりました: 返金前にお客様を確認してください (氏名、カード番号の末尾、またはアプリのコード)。</translation>
        </message>
        <message>
            <source>{label}: pick what comes back (quantity, reason, condition).</source>
            <translation>{label}: 返品する商品を選んでください (数量、理由、状態)。</translation>
        </message>
        <message>
            <source>Order {order} was not collected: refund it to the original payment to put it back in stock.</source>
            <translation>注文 {order} は受け取られませんでした: 元の支払方法に返金して在庫に戻してください。</translation>
        </message>
        <message>
            <source>{name}: their orders show with the code in their app. Scan it, or type the order or receipt number.</source>
            <translation>{name}：注文はお客様のアプリのコードで表示されます。それをスキャンするか、注文番号またはレシート番号を入力してください。</translation>
        </message>
        <message>
            <source>{name}: {n} recent orders and purchases. Pick one.</source>
            <translation>{name}: 最近の注文と購入 {n}件。1件選んでください。</translation>
        </message>
        <message>
            <source>{ref} is not one of {name}'s recent orders.</source>
            <translation>{ref} は {name} さんの最近の注文にありません。</translation>
        </message>
        <message>
            <source>Store credit {code} is not known (yet).</source>
            <translation>ストアクレジット {code} は (まだ) 不明です。</translation>
        </message>
        <message>
            <source>Store credit {code}: {balance} of {issued} left. Use it on Sell.</source>
            <translation>ストアクレジット {code}: {issued} のうち残り {balance}。販売で使えます。</translation>
        </message>
        <message>
            <source>Return without a receipt: scan the items. They are refunded at today's price, as store credit, up to {limit}, with a manager's approval.</source>
            <translation>レシートなしの返品: 商品をスキャンしてください。本日の価格で、ストアクレジットとして {limit} まで、責任者の承認により返金されます。</translation>
        </message>
        <message>
            <source>Start a return without a receipt first.</source>
            <translation>先にレシートなしの返品を開始してください。</translation>
        </message>
        <message>
            <source>{item} added to the return.</source>
            <translation>{item} を返品に追加しました。</translation>
        </message>
        <message>
            <source>Find the order or receipt first.</source>
            <translation>先に注文またはレシートを探してください。</translation>
        </message>
        <message>
            <source>{item}: {left} of {qty} can still be returned.</source>
            <translation>{item}: {qty}点中 {left}点がまだ返品できます。</translation>
        </message>
        <message>
            <source>Find the online order first.</source>
            <translation>先にオンライン注文を探してください。</translation>
        </message>
        <message>
            <source>Customer checked for order {order}.</source>
            <translation>注文 {order} のお客様を確認しました。</translation>
        </message>
        <message>
            <source>Refund to the original payment or as store credit.</source>
            <translation>元の支払方法またはストアクレジットで返金してください。</translation>
        </message>
        <message>
            <source>A return without a receipt refunds at most {limit}; this one is {amount}.</source>
            <translation>レシートなしの返品の上限は {limit} ですが、この返品は {amount} です。</translation>
        </message>
        <message>
            <source>return without a receipt, {amount} as store credit</source>
            <translation>レシートなし返品、{amount}をストアクレジットで</translation>
        </message>
        <message>
            <source>The backend cannot check this return now: it can only be refunded as store credit.</source>
            <translation>バックエンドが現在この返品を確認できません: ストアクレジットでのみ返金できます。</translation>
        </message>
        <message>
            <source>unverified return of {label}, {amount} as store credit</source>
            <translation>{label}の未確認返品、{amount}をストアクレジットで</translation>
        </message>
        <message>
            <source>Check the customer first (name, the card's last digits, or the code in their app).</source>
            <translation>先にお客様を確認してください (氏名、カード番号の末尾、またはアプリのコード)。</translation>
        </message>
        <message>
            <source>refund {amount} for {label}</source>
            <translation>{label}の{amount}を返金</translation>
        </message>
        <message>
            <source>Return {no} recorded: give the customer {cash} in cash.</source>
            <translation>返品 {no} を記録しました: お客様に現金で {cash} をお渡しください。</translation>
        </message>
        <message>
            <source>Return {no} recorded: {amount} refunded.</source>
            <translation>返品 {no} を記録しました: {amount} を返金しました。</translation>
        </message>
        <message>
            <source>That is an exchange: finish it on Sell, or give it up.</source>
            <translation>これは交換です: 販売で完了するか、取りやめてください。</translation>
        </message>
        <message>
            <source>Refund it as store credit or cash.</source>
            <translation>ストアクレジットまたは現金で返金してください。</translation>
        </message>
        <message>
            <source>refund {amount} another way</source>
            <translation>{amount}を別の方法で返金</translation>
        </message>
        <message>
            <source>This sale was rung by {owner} and is partly paid ({paid}): finish it, or ask a manager to void it.</source>
            <translation>この販売は{owner}さんが登録し、一部支払済みです ({paid})。完了するか、責任者に取消を依頼してください。</translation>
        </message>
        <message>
            <source>{owner}'s open sale ({label}) was put aside; {owner} gets it back at login.</source>
            <translation>{owner}さんの販売 ({label}) を保留しました。{owner}さんのログイン時に戻ります。</translation>
        </message>
        <message>
            <source>Your sale that was put aside is back. Carry on.</source>
            <translation>保留していた販売が戻りました。続けてください。</translation>
        </message>
        <message>
            <source>Wait: the payment is being finished.</source>
            <translation>お待ちください: 決済を完了しています。</translation>
        </message>
        <message>
            <source>{name} may not sell.</source>
            <translation>{name}さんは販売できません。</translation>
        </message>
        <message>
            <source>Nothing was scanned. Scan the item again.</source>
            <translation>何もスキャンされませんでした。もう一度スキャンしてください。</translation>
        </message>
        <message>
            <source>No product with SKU {sku} here.</source>
            <translation>SKU {sku} の商品はここにはありません。</translation>
        </message>
        <message>
            <source>A quantity must be from 1 to {most}.</source>
            <translation>数量は1から{most}の間で入力してください。</translation>
        </message>
        <message>
            <source>{quantity} × {item}</source>
            <translation>{item} × {quantity}</translation>
        </message>
        <message>
            <source>{quantity} of {item} is above the limit of {limit}: a manager approves it.</source>
            <translation>{item} の {quantity} は上限 {limit} を超えています: 責任者が承認します。</translation>
        </message>
        <message>
            <source>remove a line</source>
            <translation>明細の削除</translation>
        </message>
        <message>
            <source>That is not a discount. {detail}</source>
            <translation>値引きではありません。{detail}</translation>
        </message>
        <message>
            <source>discount on {item}</source>
            <translation>{item}の値引き</translation>
        </message>
        <message>
            <source>discount on the whole sale</source>
            <translation>取引全体の値引き</translation>
        </message>
        <message>
            <source>That is not a price.</source>
            <translation>価格ではありません。</translation>
        </message>
        <message>
            <source>A price override needs a reason.</source>
            <translation>価格変更には理由が必要です。</translation>
        </message>
        <message>
            <source>price of {item}</source>
            <translation>{item}の価格</translation>
        </message>
        <message>
            <source>Online order {order}: take it back or hand it over on Returns &amp; pickups.</source>
            <translation>オンライン注文 {order}: 返品・受取画面で返品または引き渡しを行ってください。</translation>
        </message>
        <message>
            <source>Store credit {code}: checking it…</source>
            <translation>ストアクレジット {code}: 確認中…</translation>
        </message>
        <message>
            <source>Shared cart: loading it…</source>
            <translation>共有カート：読み込み中…</translation>
        </message>
        <message>
            <source>A gift card</source>
            <translation>ギフトカード</translation>
        </message>
        <message>
            <source>A receipt</source>
            <translation>レシート</translation>
        </message>
        <message>
            <source>{what} cannot be used at this till yet.</source>
            <translation>{what}はこのレジではまだ使えません。</translation>
        </message>
        <message>
            <source>Member {no} attached to this sale.</source>
            <translation>会員 {no} をこの販売に登録しました。</translation>
        </message>
        <message>
            <source>{name} ({tier}) attached to this sale.</source>
            <translation>{name} ({tier}) をこの販売に登録しました。</translation>
        </message>
        <message>
            <source>Member {no} attached; details unavailable right now (offline?).</source>
            <translation>会員 {no} を登録しました。詳細は現在取得できません (オフライン?)。</translation>
        </message>
        <message>
            <source>The sale could NOT be saved ({error}). Nothing was recorded: do not give change or goods; try again, and call a manager if it happens again.</source>
            <translation>販売を保存できませんでした ({error})。何も記録されていません: お釣りや商品を渡さないでください。再試行し、再発する場合は責任者を呼んでください。</translation>
        </message>
        <message>
            <source>A credit must be more than zero and at most {due}.</source>
            <translation>クレジットは0より大きく{due}以下にしてください。</translation>
        </message>
        <message>
            <source>Credit of {amount} taken. Take the rest: {rest}.</source>
            <translation>クレジット {amount} を適用しました。残り {rest} を受けてください。</translation>
        </message>
        <message>
            <source>The credit was taken off the sale.</source>
            <translation>クレジットを販売から外しました。</translation>
        </message>
        <message>
            <source>The earlier card payment could not be checked: {error}</source>
            <translation>前のカード決済を確認できませんでした: {error}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} complete. Change: {change}</source>
            <translation>販売 {receipt_no} 完了。お釣り: {change}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} complete.</source>
            <translation>販売 {receipt_no} 完了。</translation>
        </message>
        <message>
            <source>Card payments are off on this till. Take cash.</source>
            <translation>このレジではカード決済が無効です。現金で受けてください。</translation>
        </message>
        <message>
            <source>A card amount must be more than zero and at most {due}.</source>
            <translation>カード金額は0より大きく{due}以下にしてください。</translation>
        </message>
        <message>
            <source>A card payment is already running for this sale.</source>
            <translation>この販売のカード決済は既に実行中です。</translation>
        </message>
        <message>
            <source>Card payment failed: {error}</source>
            <translation>カード決済に失敗しました: {error}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} recorded, but {problem}</source>
            <translation>販売 {receipt_no} を記録しましたが、{problem}</translation>
        </message>
        <message>
            <source>Sale {receipt_no} complete; the card capture is being retried (payment pending capture).</source>
            <translation>販売 {receipt_no} 完了。カードの売上確定を再試行しています (確定待ち)。</translation>
        </message>
        <message>
            <source>Card part {amount} approved. Take the rest: {rest} in cash (F10).</source>
            <translation>カード分 {amount} 承認。残り {rest} を現金で受けてください (F10)。</translation>
        </message>
        <message>
            <source>Card not paid: {why} The sale is still open: try again or take another tender.</source>
            <translation>カードで支払われませんでした: {why} 販売はまだ開いています。再試行するか、別の支払方法を使ってください。</translation>
        </message>
        <message>
            <source>Could not suspend: {error}</source>
            <translation>保留できませんでした: {error}</translation>
        </message>
        <message>
            <source>Sale suspended ({label}). Shift+F6 resumes it.</source>
            <translation>販売を保留しました ({label})。Shift+F6で再開します。</translation>
        </message>
        <message>
            <source>Finish or suspend the current sale before resuming another.</source>
            <translation>別の販売を再開する前に、現在の販売を完了または保留してください。</translation>
        </message>
        <message>
            <source>Could not resume: {error}</source>
            <translation>再開できませんでした: {error}</translation>
        </message>
        <message>
            <source>Sale resumed.</source>
            <translation>販売を再開しました。</translation>
        </message>
        <message>
            <source>void this sale</source>
            <translation>この取引の取消</translation>
        </message>
        <message>
            <source>Sale voided.</source>
            <translation>販売を取消しました。</translation>
        </message>
        <message>
            <source>{amount} is already paid by card: voiding refunds it to the card.</source>
            <translation>{amount} はカードで支払済みです: 取消するとカードに返金されます。</translation>
        </message>
        <message>
            <source>The card part could not be refunded ({error}); the sale stays open. Try again or finish it with another tender.</source>
            <translation>カード分を返金できませんでした ({error})。販売は開いたままです。再試行するか、別の支払方法で完了してください。</translation>
        </message>
        <message>
            <source>Sale voided; {amount} refunded to the card.</source>
            <translation>販売を取消しました。{amount} をカードに返金しました。</translation>
        </message>
        <message>
            <source>Say why the drawer opens.</source>
            <translation>ドロアを開ける理由を入力してください。</translation>
        </message>
        <message>
            <source>open the drawer without a sale</source>
            <translation>販売なしでドロワーを開く</translation>
        </message>
        <message>
            <source>The drawer did not open: {error}</source>
            <translation>ドロアが開きませんでした: {error}</translation>
        </message>
        <message>
            <source>Drawer opened.</source>
            <translation>ドロアを開けました。</translation>
        </message>
        <message>
            <source>Sale {receipt_no} ({total}) was completed and recorded before the till stopped. Do not take payment for it again. No receipt? Press Reprint (Ctrl+P).</source>
            <translation>販売 {receipt_no} ({total}) はレジ停止前に完了・記録されています。再度代金を受け取らないでください。レシートがない場合は再印刷 (Ctrl+P) を押してください。</translation>
        </message>
        <message>
            <source>The receipt of sale {receipt_no} was not printed: the till stopped just after the sale. If the customer needs it, press Reprint (Ctrl+P).</source>
            <translation>販売 {receipt_no} のレシートは印刷されませんでした: 販売直後にレジが停止しました。お客様が必要な場合は再印刷 (Ctrl+P) を押してください。</translation>
        </message>
        <message>
            <source>No receipt to reprint yet.</source>
            <translation>再印刷するレシートはまだありません。</translation>
        </message>
        <message>
            <source>Receipt {receipt_no} reprinted.</source>
            <translation>レシート {receipt_no} を再印刷しました。</translation>
        </message>
        <message>
            <source>Setting '{name}' ({where}): {reason}</source>
            <translation>設定 '{name}'（{where}）: {reason}</translation>
        </message>
        <message>
            <source>No card reader is paired with this till. Card payments are off; take cash.</source>
            <translation>このレジにはカードリーダーが接続されていません。カード決済は利用できません。現金で受け取ってください。</translation>
        </message>
        <message>
            <source>Card payments are relayed by the backend, but this till is not registered with one.</source>
            <translation>カード決済はバックエンド経由ですが、このレジはバックエンドに登録されていません。</translation>
        </message>
        <message>
            <source>This till has no OMO backend: stock cannot be checked.</source>
            <translation>このレジには OMO バックエンドがありません。在庫を確認できません。</translation>
        </message>
        <message>
            <source>Scan an item, or type its SKU or name.</source>
            <translation>商品をスキャンするか、SKU または商品名を入力してください。</translation>
        </message>
        <message>
            <source>No item found for “{typed}”.</source>
            <translation>「{typed}」に該当する商品はありません。</translation>
        </message>
        <message>
            <source>The OMO backend does not know item {sku}.</source>
            <translation>OMO バックエンドに商品 {sku} は登録されていません。</translation>
        </message>
        <message>
            <source>Stock cannot be checked now: {reason}</source>
            <translation>現在在庫を確認できません: {reason}</translation>
        </message>
        <message>
            <source>Offline: this is the stock last known {age} ago (as of {as_of}). It may have changed.</source>
            <translation>オフライン: {age}前（{as_of}時点）の在庫です。変わっている可能性があります。</translation>
        </message>
        <message>
            <source>Whose is it? Attach the member (scan their app) or type their name.</source>
            <translation>どなたのものですか？会員を紐付ける（アプリをスキャン）か、お名前を入力してください。</translation>
        </message>
        <message>
            <source>not enough left to promise at {store}</source>
            <translation>{store}では確保できる在庫が足りません</translation>
        </message>
        <message>
            <source>Not available any more: {reason}. No other store or warehouse has it.</source>
            <translation>在庫がなくなりました: {reason}。他の店舗・倉庫にもありません。</translation>
        </message>
        <message>
            <source>Not available any more: {reason}. Still available: {offer}.</source>
            <translation>在庫がなくなりました: {reason}。まだ在庫あり: {offer}。</translation>
        </message>
        <message>
            <source>Not reserved: {reason}</source>
            <translation>取り置きできませんでした: {reason}</translation>
        </message>
        <message>
            <source>Reserved: {qty} × {item} at {store} for {name} until {until} (order {order}). It is in the customer's OMO app.</source>
            <translation>取り置き済み: {item} × {qty}、{store}、{name} 様、{until} まで（注文 {order}）。お客様の OMO アプリに表示されます。</translation>
        </message>
        <message>
            <source>Reserved: {qty} × {item} at {store} for {name} until {until} (order {order}). Give the customer the order number.</source>
            <translation>取り置き済み: {item} × {qty}、{store}、{name} 様、{until} まで（注文 {order}）。お客様に注文番号をお伝えください。</translation>
        </message>
        <message>
            <source>An order is delivered home or collected here.</source>
            <translation>注文は自宅配送か、この店舗での受け取りになります。</translation>
        </message>
        <message>
            <source>Part of this sale is paid: finish it, then order.</source>
            <translation>この会計は一部支払い済みです。会計を終えてから注文してください。</translation>
        </message>
        <message>
            <source>Item {sku} is not sold at this till.</source>
            <translation>商品 {sku} はこのレジでは販売していません。</translation>
        </message>
        <message>
            <source>An order delivered home needs the customer's address.</source>
            <translation>自宅配送の注文にはお客様の住所が必要です。</translation>
        </message>
        <message>
            <source>Not ordered: the backend must confirm the stock. {reason}</source>
            <translation>注文できませんでした: バックエンドによる在庫確認が必要です。{reason}</translation>
        </message>
        <message>
            <source>No other store or warehouse has {qty} × {item} to send.</source>
            <translation>{item} × {qty} を発送できる他の店舗・倉庫はありません。</translation>
        </message>
        <message>
            <source>Not ordered: {reason}</source>
            <translation>注文できませんでした: {reason}</translation>
        </message>
        <message>
            <source>Order {order}: {qty} × {item} from {source}, delivered by {day}. Now take payment.</source>
            <translation>注文 {order}: {item} × {qty}（{source} から）、{day} までにお届け。お支払いに進んでください。</translation>
        </message>
        <message>
            <source>Order {order}: {qty} × {item} from {source}, to collect here from {day}. Now take payment.</source>
            <translation>注文 {order}: {item} × {qty}（{source} から）、{day} からこの店舗で受け取り。お支払いに進んでください。</translation>
        </message>
        <message>
            <source>No order {order}.</source>
            <translation>注文 {order} はありません。</translation>
        </message>
        <message>
            <source>The order cannot be checked now: {reason}</source>
            <translation>現在注文を確認できません: {reason}</translation>
        </message>
        <message>
            <source>Order {order} is not a reservation waiting to be collected ({status}).</source>
            <translation>注文 {order} は受け取り待ちの取り置きではありません（{status}）。</translation>
        </message>
        <message>
            <source>Reservation {order} waits at {store}, not here.</source>
            <translation>取り置き {order} はこの店舗ではなく {store} にあります。</translation>
        </message>
        <message>
            <source>Reservation {order} for {name} is on the sale: take payment.</source>
            <translation>{name} 様の取り置き {order} を会計に追加しました。お支払いに進んでください。</translation>
        </message>
        <message>
            <source>Not given up: {reason}</source>
            <translation>取り消せませんでした: {reason}</translation>
        </message>
        <message>
            <source>Order {order} given up: its stock is free again.</source>
            <translation>注文 {order} を取り消しました。在庫は再び販売可能です。</translation>
        </message>
        <message>
            <source>Order {order} was paid, but its stock went elsewhere before the sale reached the OMO backend. Offer the customer: {offer}; or refund {amount} for the order.</source>
            <translation>注文 {order} は支払い済みですが、会計が OMO バックエンドに届く前に在庫が他で使われました。お客様に {offer} をご提案するか、注文分 {amount} を返金してください。</translation>
        </message>
        <message>
            <source>Order {order} was paid, but its stock went elsewhere before the sale reached the OMO backend, and no other store or warehouse has it. Refund {amount} for the order.</source>
            <translation>注文 {order} は支払い済みですが、会計が OMO バックエンドに届く前に在庫が他で使われ、他の店舗・倉庫にもありません。注文分 {amount} を返金してください。</translation>
        </message>
        <message>
            <source>The till is not open: a manager opens it on the Till page.</source>
            <translation>レジが開いていません: 責任者がレジ画面で開けます。</translation>
        </message>
        <message>
            <source>{what}: a manager approves it.</source>
            <translation>{what}: 責任者が承認します。</translation>
        </message>
        <message>
            <source>The till is not open.</source>
            <translation>レジが開いていません。</translation>
        </message>
        <message>
            <source>The till is already open.</source>
            <translation>レジは既に開いています。</translation>
        </message>
        <message>
            <source>Only the demo shop opens its till by itself.</source>
            <translation>レジを自動で開けるのはデモ店舗だけです。</translation>
        </message>
        <message>
            <source>Till opened for the day with the demo float of {amount}.</source>
            <translation>デモの釣銭準備金 {amount} で本日のレジを開けました。</translation>
        </message>
        <message>
            <source>Till opened with a float of {amount}.</source>
            <translation>釣銭準備金 {amount} でレジを開けました。</translation>
        </message>
        <message>
            <source>The float is now {amount}.</source>
            <translation>釣銭準備金は {amount} になりました。</translation>
        </message>
        <message>
            <source>The amount must be more than zero.</source>
            <translation>金額は0より大きくしてください。</translation>
        </message>
        <message>
            <source>Say what the cash is for (it is kept with the movement).</source>
            <translation>現金の用途を入力してください (入出金記録に保存されます)。</translation>
        </message>
        <message>
            <source>Cash in: {amount} ({reason}).</source>
            <translation>入金: {amount} ({reason})。</translation>
        </message>
        <message>
            <source>Cash out: {amount} ({reason}).</source>
            <translation>出金: {amount} ({reason})。</translation>
        </message>
        <message>
            <source>Drop to the safe: {amount}.</source>
            <translation>金庫へ移動: {amount}。</translation>
        </message>
        <message>
            <source>Recorded, but the drawer did not open: {error}</source>
            <translation>記録しましたが、ドロアが開きませんでした: {error}</translation>
        </message>
        <message>
            <source>{name} may not see reports.</source>
            <translation>{name}さんはレポートを見られません。</translation>
        </message>
        <message>
            <source>Card totals could not be checked with Stripe: {error}</source>
            <translation>カード合計をStripeと照合できませんでした: {error}</translation>
        </message>
        <message>
            <source>A card payment is not settled ({what}): the till cannot close until it is. Finish the payment, or let the reconciler settle it, then close.</source>
            <translation>未確定のカード決済があります ({what}): 確定するまでレジを締められません。決済を完了するか、照合で確定させてから締めてください。</translation>
        </message>
        <message>
            <source>The till could NOT be closed ({error}); nothing was recorded. Try again.</source>
            <translation>レジを締められませんでした ({error})。何も記録されていません。再試行してください。</translation>
        </message>
        <message>
            <source>Till closed. {difference}{approved}{unsynced}</source>
            <translation>レジを締めました。{difference}{approved}{unsynced}</translation>
        </message>
        <message>
            <source> {name} approved it.</source>
            <translation>{name}さんが承認しました。</translation>
        </message>
        <message>
            <source> {note}</source>
            <translation>{note}</translation>
        </message>
        <message>
            <source>Counted {counted}: exactly as expected.</source>
            <translation>計数額 {counted}: 予定額どおりです。</translation>
        </message>
        <message>
            <source>Counted {counted}, expected {expected}: {side} by {amount}. Say why (kept with the closure).</source>
            <translation>計数額 {counted}、予定額 {expected}: {amount} の{side}。理由を入力してください (締め記録に保存)。</translation>
        </message>
        <message>
            <source>Counted {counted}, expected {expected}: {side} by {amount}, above {limit}: a manager approves it.</source>
            <translation>計数額 {counted}、予定額 {expected}: {amount} の{side}、{limit} 超: 責任者が承認します。</translation>
        </message>
        <message>
            <source>Counted {counted}, expected {expected}: {side} by {amount}.</source>
            <translation>計数額 {counted}、予定額 {expected}: {amount} の{side}。</translation>
        </message>
        <message>
            <source>over</source>
            <translation>過剰</translation>
        </message>
        <message>
            <source>short</source>
            <translation>不足</translation>
        </message>
        <message>
            <source>Not at the backend yet: {n} (the oldest from {minutes} min ago); they go on syncing.</source>
            <translation>バックエンド未送信: {n}件 (最古は{minutes}分前)。同期を続けます。</translation>
        </message>
        <message>
            <source>Session {session} is not closed: no Z report yet.</source>
            <translation>セッション {session} は締められていません: Zレポートはまだありません。</translation>
        </message>
        <message>
            <source>The Z report did not print: {error}</source>
            <translation>Zレポートを印刷できませんでした: {error}</translation>
        </message>
        <message>
            <source>The Z report waits in the print queue: {problem}</source>
            <translation>Zレポートは印刷待ちです: {problem}</translation>
        </message>
        <message>
            <source>Z report printed.</source>
            <translation>Zレポートを印刷しました。</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>現金</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>カード</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>ポイント</translation>
        </message>
        <message>
            <source>Gift card</source>
            <translation>ギフトカード</translation>
        </message>
        <message>
            <source>Store credit</source>
            <translation>ストアクレジット</translation>
        </message>
        <message>
            <source>Sales ({n})</source>
            <translation>売上 ({n}件)</translation>
        </message>
        <message>
            <source>Returns ({n})</source>
            <translation>返品 ({n}件)</translation>
        </message>
        <message>
            <source>Net sales</source>
            <translation>純売上</translation>
        </message>
        <message>
            <source>Discounts given</source>
            <translation>値引き額</translation>
        </message>
        <message>
            <source>Points redeemed</source>
            <translation>ポイント利用</translation>
        </message>
        <message>
            <source>Voided sales ({n})</source>
            <translation>取消販売 ({n}件)</translation>
        </message>
        <message>
            <source>No-sale drawer openings</source>
            <translation>ノーセール開放</translation>
        </message>
        <message>
            <source>No payments</source>
            <translation>支払いなし</translation>
        </message>
        <message>
            <source>{rate} on {amount}</source>
            <translation>{amount} に対し {rate}</translation>
        </message>
        <message>
            <source>No tax</source>
            <translation>税なし</translation>
        </message>
        <message>
            <source>Opening float</source>
            <translation>開始釣銭準備金</translation>
        </message>
        <message>
            <source>+ Cash tendered</source>
            <translation>+ 現金受取</translation>
        </message>
        <message>
            <source>− Change given</source>
            <translation>− お釣り</translation>
        </message>
        <message>
            <source>− Cash refunds</source>
            <translation>− 現金返金</translation>
        </message>
        <message>
            <source>+ Paid in</source>
            <translation>+ 入金</translation>
        </message>
        <message>
            <source>− Paid out</source>
            <translation>− 出金</translation>
        </message>
        <message>
            <source>− Drops to the safe</source>
            <translation>− 金庫への移動</translation>
        </message>
        <message>
            <source>= Expected in the drawer</source>
            <translation>= ドロア内予定額</translation>
        </message>
        <message>
            <source>Over</source>
            <translation>過剰</translation>
        </message>
        <message>
            <source>Short</source>
            <translation>不足</translation>
        </message>
        <message>
            <source>Over/short</source>
            <translation>過不足</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>計数額</translation>
        </message>
        <message>
            <source>Reason: {reason}</source>
            <translation>理由: {reason}</translation>
        </message>
        <message>
            <source>Approved by</source>
            <translation>承認者</translation>
        </message>
        <message>
            <source>Sales</source>
            <translation>売上</translation>
        </message>
        <message>
            <source>Tenders</source>
            <translation>支払方法</translation>
        </message>
        <message>
            <source>Tax per rate</source>
            <translation>税率別の税</translation>
        </message>
        <message>
            <source>{brand} ({n})</source>
            <translation>{brand} ({n}件)</translation>
        </message>
        <message>
            <source>Stripe total</source>
            <translation>Stripe合計</translation>
        </message>
        <message>
            <source>Journal total</source>
            <translation>ジャーナル合計</translation>
        </message>
        <message>
            <source>Not checked with Stripe (offline)</source>
            <translation>Stripeと未照合 (オフライン)</translation>
        </message>
        <message>
            <source>Cards, reconciled with Stripe</source>
            <translation>カード (Stripeと照合)</translation>
        </message>
        <message>
            <source>Top products</source>
            <translation>売れ筋商品</translation>
        </message>
        <message>
            <source>Z report · till {till} · session {session}</source>
            <translation>Zレポート · レジ {till} · セッション {session}</translation>
        </message>
        <message>
            <source>Opened {at} by {who}</source>
            <translation>開始 {at} {who}</translation>
        </message>
        <message>
            <source>Closed {at} by {who}</source>
            <translation>締め {at} {who}</translation>
        </message>
        <message>
            <source>A discount is either a percent or an amount, not both or neither.</source>
            <translation>割引は率か金額のどちらか一方です(両方または無しは不可)。</translation>
        </message>
        <message>
            <source>A discount's reason must be text.</source>
            <translation>割引の理由は文字で入力してください。</translation>
        </message>
        <message>
            <source>A discount amount must be Money, not {amount!r}.</source>
            <translation>割引額は Money である必要があります({amount!r} ではありません)。</translation>
        </message>
        <message>
            <source>A discount must be more than zero, not {amount}.</source>
            <translation>割引は 0 より大きくしてください({amount} は不可)。</translation>
        </message>
        <message>
            <source>A discount percent must be exact (text or Decimal), not {percent!r}.</source>
            <translation>割引率は正確な値(文字または Decimal)で指定してください({percent!r} は不可)。</translation>
        </message>
        <message>
            <source>A discount must be more than 0%, not {percent}%.</source>
            <translation>割引は 0% より大きくしてください({percent}% は不可)。</translation>
        </message>
        <message>
            <source>A discount cannot be more than 100% (asked for {percent}%).</source>
            <translation>割引は 100% を超えられません(指定: {percent}%)。</translation>
        </message>
        <message>
            <source>{percent!r} is not a percent.</source>
            <translation>{percent!r} は率ではありません。</translation>
        </message>
        <message>
            <source>The discount of {amount} is more than the {base} of {what}.</source>
            <translation>{amount} の割引は {what} の {base} を超えています。</translation>
        </message>
        <message>
            <source>The discount of {amount} is more than the {base} of the sale.</source>
            <translation>{amount} の割引は販売合計 {base} を超えています。</translation>
        </message>
        <message>
            <source>A sold line could not be read ({why}).</source>
            <translation>販売済みの明細を読み取れませんでした({why})。</translation>
        </message>
        <message>
            <source>The quantity must be a whole number of units, not {quantity!r}.</source>
            <translation>数量は整数で指定してください({quantity!r} は不可)。</translation>
        </message>
        <message>
            <source>The quantity must be at least 1; to take the line off, remove it.</source>
            <translation>数量は 1 以上にしてください。明細を取り消すには削除してください。</translation>
        </message>
        <message>
            <source>The quantity {quantity} is too large (at most {most}). Was a barcode typed into the quantity?</source>
            <translation>数量 {quantity} は大きすぎます(最大 {most})。数量欄にバーコードを入力しませんでしたか?</translation>
        </message>
        <message>
            <source>A price must be Money, not {price!r}.</source>
            <translation>価格は Money である必要があります({price!r} ではありません)。</translation>
        </message>
        <message>
            <source>A price cannot be negative ({price}).</source>
            <translation>価格をマイナスにはできません({price})。</translation>
        </message>
        <message>
            <source>Not a discount: {discount!r}.</source>
            <translation>割引ではありません: {discount!r}。</translation>
        </message>
        <message>
            <source>An item needs a SKU, got {sku!r}.</source>
            <translation>商品には SKU が必要です(受け取った値: {sku!r})。</translation>
        </message>
        <message>
            <source>An item description must be text, got {description!r}.</source>
            <translation>商品の説明は文字で指定してください(受け取った値: {description!r})。</translation>
        </message>
        <message>
            <source>A weighed item needs its measure, not {measure!r}.</source>
            <translation>量り売りの商品には計量値が必要です({measure!r} ではありません)。</translation>
        </message>
        <message>
            <source>{item} is sold by weight ({measure}): its quantity is its weight. Weigh and scan each item, or remove the line.</source>
            <translation>{item} は量り売りです({measure})。数量は重さです。1 点ずつ計量してスキャンするか、明細を削除してください。</translation>
        </message>
        <message>
            <source>{item} is on order {order_no}, which holds {quantity}: to change the quantity, remove the line and order again.</source>
            <translation>{item} は注文 {order_no}({quantity} 点)の商品です。数量を変えるには、明細を削除して注文し直してください。</translation>
        </message>
        <message>
            <source>A price change needs a reason.</source>
            <translation>価格変更には理由が必要です。</translation>
        </message>
        <message>
            <source>Not offers: {offers!r}.</source>
            <translation>特典ではありません: {offers!r}。</translation>
        </message>
        <message>
            <source>The saved sale could not be restored ({why}).</source>
            <translation>保存された販売を復元できませんでした({why})。</translation>
        </message>
        <message>
            <source>{item} was sold by weight ({measure}): it is returned whole, as one item, or not at all.</source>
            <translation>{item} は量り売りでした({measure})。返品は 1 点まるごとのみで、一部の返品はできません。</translation>
        </message>
        <message>
            <source>Return quantities must be whole numbers of units.</source>
            <translation>返品数量は整数で指定してください。</translation>
        </message>
        <message>
            <source>Only {left} of {quantity} × {item} can still be returned (asked for {asked}).</source>
            <translation>{item} × {quantity} のうち、返品できるのはあと {left} 点だけです(指定: {asked})。</translation>
        </message>
        <message>
            <source>There is nothing to return: the sale has no lines.</source>
            <translation>返品するものがありません。この販売には明細がありません。</translation>
        </message>
        <message>
            <source>The cash rounding rule {rule!r} is for {currencies}, not {currency}. A store in {currency} can choose: {choices}.</source>
            <translation>現金の端数処理ルール {rule!r} は {currencies} 用で、{currency} には使えません。{currency} の店舗で選べるのは: {choices}。</translation>
        </message>
        <message>
            <source>Unknown cash rounding rule {rule!r}; choose one of: {choices}.</source>
            <translation>不明な現金の端数処理ルール {rule!r} です。次から選んでください: {choices}。</translation>
        </message>
        <message>
            <source>The saved sale was written by another version and cannot be restored.</source>
            <translation>保存された販売は別のバージョンで書かれたため、復元できません。</translation>
        </message>
        <message>
            <source>{name} is no longer sold (archived). Put it aside and call a manager.</source>
            <translation>{name} は販売終了です(アーカイブ済み)。別に置いて、マネージャーを呼んでください。</translation>
        </message>
        <message>
            <source>No product with SKU {sku} in the catalog.</source>
            <translation>カタログに SKU {sku} の商品はありません。</translation>
        </message>
        <message>
            <source>This needs a manager's approval, and this till takes none.</source>
            <translation>マネージャーの承認が必要ですが、このレジでは承認を受け付けていません。</translation>
        </message>
        <message>
            <source>That coupon or promotion is not on this sale.</source>
            <translation>そのクーポンまたはプロモーションはこの販売にありません。</translation>
        </message>
        <message>
            <source>That coupon or promotion was not taken off this sale.</source>
            <translation>そのクーポンまたはプロモーションはこの販売から外されていません。</translation>
        </message>
        <message>
            <source>Part of this sale is already paid. Finish the payment, or void the sale (the card part is refunded) to change it.</source>
            <translation>この販売は一部支払い済みです。変更するには、支払いを完了するか、販売を取り消してください(カード分は返金されます)。</translation>
        </message>
        <message>
            <source>That is {short} short of the amount due in cash.</source>
            <translation>現金でのお支払いに {short} 足りません。</translation>
        </message>
        <message>
            <source>Points pay in steps of {step}: {points} is not a whole number of steps.</source>
            <translation>ポイントは {step} 単位で支払います。{points} は単位の整数倍ではありません。</translation>
        </message>
        <message>
            <source>That is more points than the sale still needs.</source>
            <translation>販売の残額より多いポイントです。</translation>
        </message>
        <message>
            <source>A part payment must be more than zero and less than what is due.</source>
            <translation>一部支払いは 0 より大きく、お支払い額未満にしてください。</translation>
        </message>
        <message>
            <source>The payments do not cover the total yet.</source>
            <translation>支払いがまだ合計に達していません。</translation>
        </message>
        <message>
            <source>A different sale was committed than the one on screen.</source>
            <translation>画面上の販売とは別の販売が記録されました。</translation>
        </message>
        <message>
            <source>Refund the part already paid first; a partly paid sale cannot just be voided.</source>
            <translation>先に支払い済みの分を返金してください。一部支払い済みの販売はそのまま取り消せません。</translation>
        </message>
        <message>
            <source>There is nothing to suspend.</source>
            <translation>保留するものがありません。</translation>
        </message>
        <message>
            <source>This is not a code this till understands.</source>
            <translation>このレジでは読み取れないコードです。</translation>
        </message>
        <message>
            <source>This code is damaged or incomplete. Please scan it again.</source>
            <translation>このコードは破損しているか不完全です。もう一度スキャンしてください。</translation>
        </message>
        <message>
            <source>This member code is newer than this till's keys. Check the till is online, then scan again, or type the member number.</source>
            <translation>この会員コードはレジの鍵より新しいものです。レジがオンラインか確認してから再スキャンするか、会員番号を入力してください。</translation>
        </message>
        <message>
            <source>This member code is not genuine. Type the member number instead.</source>
            <translation>この会員コードは正規のものではありません。会員番号を入力してください。</translation>
        </message>
        <message>
            <source>This member code has expired. Ask the member to reopen the code in the app.</source>
            <translation>この会員コードは有効期限切れです。アプリでコードを開き直すよう会員に伝えてください。</translation>
        </message>
        <message>
            <source>This member card has been cancelled. Ask for the app code or a new card.</source>
            <translation>この会員カードは無効になっています。アプリのコードか新しいカードを提示してもらってください。</translation>
        </message>
        <message>
            <source>A member number has only digits.</source>
            <translation>会員番号は数字のみです。</translation>
        </message>
        <message>
            <source>This member number is too long.</source>
            <translation>この会員番号は長すぎます。</translation>
        </message>
        <message>
            <source>A name has at most {most} characters.</source>
            <translation>名前は最大 {most} 文字です。</translation>
        </message>
        <message>
            <source>Unknown currency {code!r}: use a three-letter ISO 4217 code such as EUR, USD or JPY.</source>
            <translation>不明な通貨 {code!r} です。EUR、USD、JPY のような 3 文字の ISO 4217 コードを使ってください。</translation>
        </message>
        <message>
            <source>Cannot combine amounts in {first} and {second}: they are different currencies.</source>
            <translation>{first} と {second} の金額は合算できません。通貨が異なります。</translation>
        </message>
        <message>
            <source>The amount {text} has too many decimals: {currency} has no decimals.</source>
            <translation>金額 {text} の小数桁が多すぎます。{currency} には小数がありません。</translation>
        </message>
        <message>
            <source>The amount {text} has too many decimals: {currency} has at most 1 decimal.</source>
            <translation>金額 {text} の小数桁が多すぎます。{currency} の小数は 1 桁までです。</translation>
        </message>
        <message>
            <source>The amount {text} has too many decimals: {currency} has at most {digits} decimals.</source>
            <translation>金額 {text} の小数桁が多すぎます。{currency} の小数は {digits} 桁までです。</translation>
        </message>
        <message>
            <source>The quantity cannot be negative ({quantity}). To take goods back, start a return instead.</source>
            <translation>数量をマイナスにはできません({quantity})。商品を引き取るときは返品を開始してください。</translation>
        </message>
        <message>
            <source>Unknown tax code {code!r}: this store has no such tax rate. Known tax codes: {known}.</source>
            <translation>不明な税コード {code!r} です。この店舗にその税率はありません。登録済みの税コード: {known}。</translation>
        </message>
        <message>
            <source>Unknown tax code {code!r}: this store has no such tax rate.</source>
            <translation>不明な税コード {code!r} です。この店舗にその税率はありません。</translation>
        </message>
        <message>
            <source>That line is no longer in the sale (line {line_id!r}).</source>
            <translation>その明細はもう販売にありません(明細 {line_id!r})。</translation>
        </message>
        <message>
            <source>Setting {setting!r}: {reason}</source>
            <translation>設定 {setting!r}: {reason}</translation>
        </message>
        <message>
            <source>This is not a product barcode this till understands.</source>
            <translation>このレジでは読み取れない商品バーコードです。</translation>
        </message>
        <message>
            <source>This barcode did not scan correctly (check digit). Scan it again or type it.</source>
            <translation>このバーコードは正しく読み取れませんでした(チェックデジット)。もう一度スキャンするか、入力してください。</translation>
        </message>
        <message>
            <source>The price or weight on this in-store label did not scan correctly (its check digit). Scan it again or type it.</source>
            <translation>この店内ラベルの価格または重さが正しく読み取れませんでした(チェックデジット)。もう一度スキャンするか、入力してください。</translation>
        </message>
        <message>
            <source>GS1 code refused: {detail}. Scan it again; if it is refused again, put the item aside and call a manager.</source>
            <translation>GS1 コードが拒否されました: {detail}。もう一度スキャンし、再び拒否された場合は商品を別に置いてマネージャーを呼んでください。</translation>
        </message>
        <message>
            <source>This is not a product barcode this till understands. (symbology {aim})</source>
            <translation>このレジでは読み取れない商品バーコードです。(シンボル体系 {aim})</translation>
        </message>
        <message>
            <source>{value!r} is not a date and time.</source>
            <translation>{value!r} は日時ではありません。</translation>
        </message>
        <message>
            <source>{what} must be exact (a whole number or a text like '1.5'), not {value!r}.</source>
            <translation>{what} は正確な値（整数または '1.5' のような文字列）でなければなりません。{value!r} は不可です。</translation>
        </message>
        <message>
            <source>{what} {value!r} is not a number.</source>
            <translation>{what} {value!r} は数値ではありません。</translation>
        </message>
        <message>
            <source>{what} cannot be negative ({value}).</source>
            <translation>{what} は負の値にできません（{value}）。</translation>
        </message>
        <message>
            <source>Points promotion {promo} ends before it starts.</source>
            <translation>ポイントプロモーション {promo} は開始前に終了しています。</translation>
        </message>
        <message>
            <source>{name} must be a whole number of points, not {value!r}.</source>
            <translation>{name} はポイントの整数でなければなりません。{value!r} は不可です。</translation>
        </message>
        <message>
            <source>A redeem step needs some points and some value.</source>
            <translation>交換単位にはポイントと金額の両方が必要です。</translation>
        </message>
        <message>
            <source>A line of {sku} cannot have been paid {paid}.</source>
            <translation>{sku} の明細が {paid} で支払われたはずはありません。</translation>
        </message>
        <message>
            <source>A points tender of {points_paid} does not fit the sale.</source>
            <translation>{points_paid} のポイント支払いはこの販売に合いません。</translation>
        </message>
        <message>
            <source>{units} {currency} is not a whole number of minor units.</source>
            <translation>{units} {currency} は最小単位の整数ではありません。</translation>
        </message>
        <message>
            <source>{points!r} is not a number of points.</source>
            <translation>{points!r} はポイント数ではありません。</translation>
        </message>
        <message>
            <source>Points pay in steps of {step} minor units of {currency}; {amount!r} is not one.</source>
            <translation>ポイントは {currency} の最小単位 {step} ごとに支払います。{amount!r} はその倍数ではありません。</translation>
        </message>
        <message>
            <source>The loyalty programme could not be read ({error}).</source>
            <translation>ポイントプログラムを読み込めませんでした（{error}）。</translation>
        </message>
        <message>
            <source>{units} units after {before} of {quantity} cannot be returned.</source>
            <translation>{quantity} 個のうち {before} 個の後に {units} 個は返品できません。</translation>
        </message>
        <message>
            <source>There is no loyalty programme {programme_id!r}.</source>
            <translation>ポイントプログラム {programme_id!r} はありません。</translation>
        </message>
        <message>
            <source>A measured quantity must be an exact number above 0 (and at most {most:,}), not {quantity!r}.</source>
            <translation>計量数量は 0 より大きい正確な数値(最大 {most:,})で指定してください({quantity!r} は不可)。</translation>
        </message>
        <message>
            <source>The measured quantity {quantity:f} has more than {most} decimals.</source>
            <translation>計量数量 {quantity:f} の小数が {most} 桁を超えています。</translation>
        </message>
        <message>
            <source>Unknown unit {unit!r}; a line is sold by {units}.</source>
            <translation>不明な単位 {unit!r} です。明細の単位は {units} です。</translation>
        </message>
        <message>
            <source>Unknown unit {unit!r} to price by.</source>
            <translation>価格の単位 {unit!r} が不明です。</translation>
        </message>
        <message>
            <source>{unit} cannot be priced per {per}: only weights convert.</source>
            <translation>{unit} に {per} あたりの価格は付けられません。換算できるのは重さだけです。</translation>
        </message>
        <message>
            <source>A price per {unit} must be a whole number of minor units &gt;= 0, not {price!r}.</source>
            <translation>{unit} あたりの価格は 0 以上の補助単位の整数で指定してください({price!r} は不可)。</translation>
        </message>
        <message>
            <source>A weight must be a whole number of grams above 0, not {grams!r}.</source>
            <translation>重さは 0 より大きいグラムの整数で指定してください({grams!r} は不可)。</translation>
        </message>
        <message>
            <source>A saved measure could not be read ({why}): {data!r}.</source>
            <translation>保存された計量値を読み取れませんでした({why}): {data!r}。</translation>
        </message>
        <message>
            <source>An amount must be a whole number of minor units, not {minor!r} ({kind}).</source>
            <translation>金額は補助単位の整数で指定してください({minor!r}、{kind} は不可)。</translation>
        </message>
        <message>
            <source>An amount must be text, a Decimal or a whole number, not {kind}.</source>
            <translation>金額は文字、Decimal、整数のいずれかで指定してください({kind} は不可)。</translation>
        </message>
        <message>
            <source>{value!r} is not an amount.</source>
            <translation>{value!r} は金額ではありません。</translation>
        </message>
        <message>
            <source>Unknown locale {locale!r} for showing amounts.</source>
            <translation>金額表示用のロケール {locale!r} が不明です。</translation>
        </message>
        <message>
            <source>Cannot split an amount over nothing.</source>
            <translation>配分先がないため、金額を配分できません。</translation>
        </message>
        <message>
            <source>A split weight must be exact, not {weight!r}.</source>
            <translation>配分の比率は正確な値で指定してください({weight!r} は不可)。</translation>
        </message>
        <message>
            <source>A split weight cannot be negative.</source>
            <translation>配分の比率をマイナスにはできません。</translation>
        </message>
        <message>
            <source>Cannot split an amount when every share is zero.</source>
            <translation>すべての比率が 0 のため、金額を配分できません。</translation>
        </message>
        <message>
            <source>An offer is a coupon or a promotion, not {kind!r}.</source>
            <translation>特典はクーポンかプロモーションです。{kind!r} ではありません。</translation>
        </message>
        <message>
            <source>Offer {code} needs a percent or an amount, not both or neither.</source>
            <translation>特典 {code} には割合か金額のどちらか一方が必要です。</translation>
        </message>
        <message>
            <source>Offer {code} has an impossible value {value!r}.</source>
            <translation>特典 {code} の値 {value!r} はありえません。</translation>
        </message>
        <message>
            <source>A saved offer could not be read ({error}).</source>
            <translation>保存された特典を読み込めませんでした（{error}）。</translation>
        </message>
        <message>
            <source>{text!r} is not a date and time.</source>
            <translation>{text!r} は日時ではありません。</translation>
        </message>
        <message>
            <source>Card blocked by the bank: do not try it again. Ask for another card or another way to pay.</source>
            <translation>カードは銀行によって停止されています。再試行しないでください。別のカードか別のお支払い方法をお願いしてください。</translation>
        </message>
        <message>
            <source>Card declined by the bank. Ask for another card or another way to pay.</source>
            <translation>カードは銀行に拒否されました。別のカードか別のお支払い方法をお願いしてください。</translation>
        </message>
        <message>
            <source>Card declined: the customer must call their bank. Ask for another card or cash.</source>
            <translation>カードが拒否されました。お客様からカード会社へ連絡が必要です。別のカードか現金をお願いしてください。</translation>
        </message>
        <message>
            <source>Card declined: not enough funds. Ask for another card or another way to pay.</source>
            <translation>カードが拒否されました(残高不足)。別のカードか別のお支払い方法をお願いしてください。</translation>
        </message>
        <message>
            <source>Card expired. Ask for another card.</source>
            <translation>カードの有効期限が切れています。別のカードをお願いしてください。</translation>
        </message>
        <message>
            <source>Wrong PIN. Ask the customer to try again.</source>
            <translation>暗証番号が違います。もう一度入力してもらってください。</translation>
        </message>
        <message>
            <source>Too many wrong PINs: this card cannot be used now. Ask for another card or cash.</source>
            <translation>暗証番号の誤りが多すぎるため、このカードは現在使えません。別のカードか現金をお願いしてください。</translation>
        </message>
        <message>
            <source>Card over its limit. Ask for another card or another way to pay.</source>
            <translation>カードの利用限度を超えています。別のカードか別のお支払い方法をお願いしてください。</translation>
        </message>
        <message>
            <source>The card could not be processed. Try the card again.</source>
            <translation>カードを処理できませんでした。もう一度カードをお試しください。</translation>
        </message>
        <message>
            <source>Card declined: security check failed. Ask for another card.</source>
            <translation>カードが拒否されました(セキュリティ確認に失敗)。別のカードをお願いしてください。</translation>
        </message>
        <message>
            <source>Card payments are unavailable (no connection to Stripe). Take cash or another tender.</source>
            <translation>カード決済は利用できません(Stripe に接続できません)。現金か別の支払い方法で受け取ってください。</translation>
        </message>
        <message>
            <source>The reader accepted the card but Stripe has not confirmed the payment yet. Do not take another tender: press Pay again in a moment to check.</source>
            <translation>リーダーはカードを受け付けましたが、Stripe がまだ支払いを確認していません。別の支払い方法は受け取らず、少し待ってからもう一度「支払い」を押して確認してください。</translation>
        </message>
        <message>
            <source>Stripe had an error and could not start the card payment; the card was not charged. Press Pay to try again, or take another tender.</source>
            <translation>Stripe でエラーが発生し、カード決済を開始できませんでした。カードには請求されていません。「支払い」を押して再試行するか、別の支払い方法で受け取ってください。</translation>
        </message>
        <message>
            <source>The card payment was cancelled; the card was not charged. Take the other tender.</source>
            <translation>カード決済は取り消されました。カードには請求されていません。別の支払い方法で受け取ってください。</translation>
        </message>
        <message>
            <source>The card had been authorised, but this sale has changed since: that authorisation was released and the card was not charged. Take the other tender.</source>
            <translation>カードは承認されていましたが、その後この販売が変更されたため、承認は解除され、カードには請求されていません。別の支払い方法で受け取ってください。</translation>
        </message>
        <message>
            <source>The card payment went through after all and is now recorded on this sale. Do not take that amount again in cash or another tender.</source>
            <translation>カード決済は結局成立しており、この販売に記録されました。その金額を現金や別の支払い方法で再度受け取らないでください。</translation>
        </message>
        <message>
            <source>An earlier card payment for this sale cannot be checked now (no connection to Stripe), so the card may have been charged. Do not take cash or another tender yet: try again in a moment, or press Pay to finish by card. If Stripe stays unreachable, suspend the sale and call a manager.</source>
            <translation>この販売の以前のカード決済を今は確認できません(Stripe に接続できません)。カードに請求されている可能性があります。まだ現金や別の支払い方法は受け取らず、少し待って再試行するか、「支払い」を押してカードで完了してください。Stripe に接続できないままなら、販売を保留してマネージャーを呼んでください。</translation>
        </message>
        <message>
            <source>Stripe is still processing the card payment for this sale. Do not take another tender yet: try again in a moment.</source>
            <translation>Stripe はこの販売のカード決済をまだ処理中です。まだ別の支払い方法は受け取らず、少し待ってから再試行してください。</translation>
        </message>
        <message>
            <source>A card payment is running for this sale: let it finish or cancel it first.</source>
            <translation>この販売のカード決済が進行中です。完了を待つか、先に取り消してください。</translation>
        </message>
        <message>
            <source>The card was charged, but that payment cannot be added to this sale. Do not take another tender: call a manager to refund the card or correct the sale.</source>
            <translation>カードに請求されましたが、その支払いをこの販売に加えられません。別の支払い方法は受け取らず、マネージャーを呼んでカードへの返金か販売の訂正をしてもらってください。</translation>
        </message>
        <message>
            <source>The customer cancelled on the reader. Ask how they want to pay.</source>
            <translation>お客様がリーダーで取り消しました。お支払い方法をお尋ねください。</translation>
        </message>
        <message>
            <source>The reader stopped waiting for a card. Press Pay to try again.</source>
            <translation>リーダーのカード待ちが終了しました。「支払い」を押して再試行してください。</translation>
        </message>
        <message>
            <source>The payment was cancelled.</source>
            <translation>支払いは取り消されました。</translation>
        </message>
        <message>
            <source>The reader could not take the card ({code}). Try again or take another tender.</source>
            <translation>リーダーがカードを受け付けられませんでした({code})。再試行するか、別の支払い方法で受け取ってください。</translation>
        </message>
        <message>
            <source>Nothing to pay by card.</source>
            <translation>カードで支払う金額がありません。</translation>
        </message>
        <message>
            <source>This card payment is already in progress.</source>
            <translation>このカード決済はすでに進行中です。</translation>
        </message>
        <message>
            <source>Cancel the running card payment first.</source>
            <translation>先に進行中のカード決済を取り消してください。</translation>
        </message>
        <message>
            <source>This card payment is being settled; try again in a moment.</source>
            <translation>このカード決済は確定処理中です。少し待ってから再試行してください。</translation>
        </message>
        <message>
            <source>Card payment cancelled.</source>
            <translation>カード決済を取り消しました。</translation>
        </message>
        <message>
            <source>An earlier card payment for this sale needs a manager.</source>
            <translation>この販売の以前のカード決済にはマネージャーの対応が必要です。</translation>
        </message>
        <message>
            <source>The reader stopped the payment. Press Pay to try again.</source>
            <translation>リーダーが支払いを中止しました。「支払い」を押して再試行してください。</translation>
        </message>
        <message>
            <source>The card was charged before the cancel reached it; the sale is paid.</source>
            <translation>取り消しが届く前にカードに請求されました。この販売は支払い済みです。</translation>
        </message>
        <message>
            <source>The card had already been tapped; that authorisation was released. Card payment cancelled.</source>
            <translation>カードはすでにタッチされていましたが、その承認は解除されました。カード決済を取り消しました。</translation>
        </message>
        <message>
            <source>The sale is already completed; it cannot be re-tendered.</source>
            <translation>この販売はすでに完了しているため、再度支払うことはできません。</translation>
        </message>
        <message>
            <source>The card was NOT charged: its authorisation was cancelled after the sale was recorded. Call a manager before the customer leaves.</source>
            <translation>カードには請求されていません。販売の記録後に承認が取り消されました。お客様が帰る前にマネージャーを呼んでください。</translation>
        </message>
        <message>
            <source>Line {line_no} is not on {document}.</source>
            <translation>明細 {line_no} は {document} にありません。</translation>
        </message>
        <message>
            <source>The tax code {code!r} of this purchase is not in this store's tax table: it cannot be refunded here. Call a manager.</source>
            <translation>この購入の税コード {code!r} はこの店舗の税率表にないため、ここでは返金できません。マネージャーを呼んでください。</translation>
        </message>
        <message>
            <source>A quantity to return cannot be negative.</source>
            <translation>返品数量をマイナスにはできません。</translation>
        </message>
        <message>
            <source>Line {line_no} is picked twice.</source>
            <translation>明細 {line_no} が 2 回選ばれています。</translation>
        </message>
        <message>
            <source>Pick at least one item to take back.</source>
            <translation>返品する商品を 1 点以上選んでください。</translation>
        </message>
        <message>
            <source>Refund to {to!r}? Choose the original payment or store credit.</source>
            <translation>{to!r} へ返金しますか? 元の支払い方法か店舗クレジットを選んでください。</translation>
        </message>
        <message>
            <source>Scan the items the customer brings back.</source>
            <translation>お客様が持ってきた商品をスキャンしてください。</translation>
        </message>
        <message>
            <source>Two items of the return share a line number.</source>
            <translation>返品の 2 つの商品が同じ明細番号になっています。</translation>
        </message>
        <message>
            <source>Scale label {label}: item {item} is not in the catalog.</source>
            <translation>計量ラベル {label}: 商品 {item} はカタログにありません。</translation>
        </message>
        <message>
            <source>Barcode {gtin} is not in the catalog. Put the item aside and search for it by name.</source>
            <translation>バーコード {gtin} はカタログにありません。商品を別に置いて、名前で検索してください。</translation>
        </message>
        <message>
            <source>GTIN {gtin} is not in the catalog. Put the item aside and search for it by name.</source>
            <translation>GTIN {gtin} はカタログにありません。商品を別に置いて、名前で検索してください。</translation>
        </message>
        <message>
            <source>{name} expired on {date}: it must not be sold. Put it aside and tell a manager.</source>
            <translation>{name} は {date} に期限切れです。販売できません。別に置いて、マネージャーに伝えてください。</translation>
        </message>
        <message>
            <source>The label of {name} says it weighs nothing. Weigh it again.</source>
            <translation>{name} のラベルの重さが 0 です。もう一度計量してください。</translation>
        </message>
        <message>
            <source>The label of {name} counts no pieces. Print a new label.</source>
            <translation>{name} のラベルの個数が 0 です。新しいラベルを印刷してください。</translation>
        </message>
        <message>
            <source>The price on this label is in {label_currency}; this till sells in {currency}. Put the item aside and call a manager.</source>
            <translation>このラベルの価格は {label_currency} ですが、このレジは {currency} で販売しています。商品を別に置いて、マネージャーを呼んでください。</translation>
        </message>
        <message>
            <source>cashier</source>
            <translation>レジ担当</translation>
        </message>
        <message>
            <source>associate</source>
            <translation>スタッフ</translation>
        </message>
        <message>
            <source>manager</source>
            <translation>責任者</translation>
        </message>
        <message>
            <source>Selling</source>
            <translation>販売</translation>
        </message>
        <message>
            <source>A discount</source>
            <translation>値引き</translation>
        </message>
        <message>
            <source>Changing a price</source>
            <translation>価格の変更</translation>
        </message>
        <message>
            <source>A quantity above the limit</source>
            <translation>上限を超える数量</translation>
        </message>
        <message>
            <source>Removing a line</source>
            <translation>明細の削除</translation>
        </message>
        <message>
            <source>Suspending a sale</source>
            <translation>取引の保留</translation>
        </message>
        <message>
            <source>Voiding the sale</source>
            <translation>取引の取消</translation>
        </message>
        <message>
            <source>Opening the drawer without a sale</source>
            <translation>販売なしでのドロワー開放</translation>
        </message>
        <message>
            <source>A refund</source>
            <translation>返金</translation>
        </message>
        <message>
            <source>A return without a receipt</source>
            <translation>レシートなしの返品</translation>
        </message>
        <message>
            <source>A return the backend cannot check</source>
            <translation>バックエンドで確認できない返品</translation>
        </message>
        <message>
            <source>Handing over an order</source>
            <translation>注文の引き渡し</translation>
        </message>
        <message>
            <source>Looking up a member</source>
            <translation>会員の検索</translation>
        </message>
        <message>
            <source>Reprinting a receipt</source>
            <translation>レシートの再印刷</translation>
        </message>
        <message>
            <source>Opening the till</source>
            <translation>レジの開設</translation>
        </message>
        <message>
            <source>Closing the till</source>
            <translation>レジの締め</translation>
        </message>
        <message>
            <source>Reports</source>
            <translation>レポート</translation>
        </message>
        <message>
            <source>Approving for someone else</source>
            <translation>他の人の代理承認</translation>
        </message>
        <message>
            <source>Changing settings</source>
            <translation>設定の変更</translation>
        </message>
        <message>
            <source>Discount {percent}</source>
            <translation>{percent}の値引き</translation>
        </message>
        <message>
            <source>{what} needs a manager</source>
            <translation>{what}には責任者の承認が必要です</translation>
        </message>
        <message>
            <source>Welcome, {name}.</source>
            <translation>ようこそ、{name}さん。</translation>
        </message>
        <message>
            <source>A PIN is 4 to 8 digits.</source>
            <translation>PINは4〜8桁の数字です。</translation>
        </message>
        <message>
            <source>A manager's PIN needs at least 6 digits here. Set a longer one (omo-pos staff set-pin).</source>
            <translation>このレジでは責任者のPINは6桁以上が必要です。長いPINを設定してください（omo-pos staff set-pin）。</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {wait}, or ask a manager.</source>
            <translation>PINの誤りが多すぎます。{wait}後に再試行するか、責任者に連絡してください。</translation>
        </message>
        <message>
            <source>Wrong PIN. 1 try left.</source>
            <translation>PINが違います。残り1回です。</translation>
        </message>
        <message>
            <source>Wrong PIN. {left} tries left.</source>
            <translation>PINが違います。残り{left}回です。</translation>
        </message>
        <message>
            <source>1 second</source>
            <translation>1秒</translation>
        </message>
        <message>
            <source>{seconds} seconds</source>
            <translation>{seconds}秒</translation>
        </message>
        <message>
            <source>{minutes} min {seconds} s</source>
            <translation>{minutes}分{seconds}秒</translation>
        </message>
        <message>
            <source>Approved by {name}.</source>
            <translation>{name}さんが承認しました。</translation>
        </message>
        <message>
            <source>{name} ({role}) cannot approve this. A manager must enter their PIN.</source>
            <translation>{name}（{role}）はこれを承認できません。責任者がPINを入力してください。</translation>
        </message>
        <message>
            <source>Type a reason first.</source>
            <translation>先に理由を入力してください。</translation>
        </message>
        <message>
            <source>{what} needs a manager's approval; nothing changed.</source>
            <translation>{what}にはマネージャーの承認が必要です。何も変更していません。</translation>
        </message>
        <message>
            <source>{value!r} is not one of {choices}.</source>
            <translation>{value!r} は {choices} のいずれでもありません。</translation>
        </message>
        <message>
            <source>{locale!r} is not a known locale (for example 'it_IT', 'ja_JP').</source>
            <translation>{locale!r} は既知のロケールではありません（例: 'it_IT'、'ja_JP'）。</translation>
        </message>
        <message>
            <source>expects true or false, got {value!r}.</source>
            <translation>true か false を指定してください（指定値: {value!r}）。</translation>
        </message>
        <message>
            <source>expects a whole number &gt;= 1, got {value!r}.</source>
            <translation>1 以上の整数を指定してください（指定値: {value!r}）。</translation>
        </message>
        <message>
            <source>the store needs at least one tax rate (0% counts).</source>
            <translation>店舗には税率が少なくとも1つ必要です（0% も可）。</translation>
        </message>
        <message>
            <source>{rate!r} is not a tax rate.</source>
            <translation>{rate!r} は税率ではありません。</translation>
        </message>
        <message>
            <source>the tax code {code!r} appears twice.</source>
            <translation>税コード {code!r} が2回出てきます。</translation>
        </message>
        <message>
            <source>The store settings must be a table, got {kind}.</source>
            <translation>店舗の設定はテーブルである必要があります（指定: {kind}）。</translation>
        </message>
        <message>
            <source>Unknown store setting(s): {names}.</source>
            <translation>不明な店舗設定: {names}。</translation>
        </message>
        <message>
            <source>missing: every store needs it.</source>
            <translation>ありません: すべての店舗に必要です。</translation>
        </message>
        <message>
            <source>expects a list of {code, percent, label} tables.</source>
            <translation>{code, percent, label} のテーブルのリストを指定してください。</translation>
        </message>
        <message>
            <source>a store without a preset needs its tax rates (for example STANDARD=8.875; ZERO=0).</source>
            <translation>プリセットのない店舗には税率の指定が必要です（例: STANDARD=8.875; ZERO=0）。</translation>
        </message>
        <message>
            <source>there is no preset {preset!r}. Choose one of {presets}, or none and give the store's own tax rates.</source>
            <translation>プリセット {preset!r} はありません。{presets} から選ぶか、none にして店舗の税率を指定してください。</translation>
        </message>
        <message>
            <source>the preset {preset} is for a store in {preset_country}, not in {country} (the store's country).</source>
            <translation>プリセット {preset} は {preset_country} の店舗用で、{country}（店舗の国）用ではありません。</translation>
        </message>
        <message>
            <source>fewer are left to return on that sale than asked</source>
            <translation>その取引で返品できる数量が依頼より少なくなっています</translation>
        </message>
        <message>
            <source>the refund is more than what is left of that sale's payment</source>
            <translation>返金額がその取引の支払い残額を超えています</translation>
        </message>
        <message>
            <source>this return was claimed with other lines</source>
            <translation>この返品は別の明細で申請されています</translation>
        </message>
        <message>
            <source>this return was given up; start it again</source>
            <translation>この返品は取り消されました。最初からやり直してください</translation>
        </message>
        <message>
            <source>this return was completed; it cannot be given up</source>
            <translation>この返品は完了しているため、取り消せません</translation>
        </message>
        <message>
            <source>it is in another currency</source>
            <translation>別の通貨です</translation>
        </message>
        <message>
            <source>this store credit payment was made before for another amount</source>
            <translation>このストアクレジットの支払いは別の金額で既に行われています</translation>
        </message>
        <message>
            <source>this store credit payment was given back; make a new one</source>
            <translation>このストアクレジットの支払いは戻されました。新しく行ってください</translation>
        </message>
        <message>
            <source>the sale this store credit paid is recorded already</source>
            <translation>このストアクレジットで支払った取引は既に記録されています</translation>
        </message>
        <message>
            <source>not enough is left on this store credit</source>
            <translation>このストアクレジットの残高が足りません</translation>
        </message>
        <message>
            <source>not enough left to promise there</source>
            <translation>そこでは確保できる在庫が足りません</translation>
        </message>
        <message>
            <source>this request was used for another order</source>
            <translation>このリクエストは別の注文に使われています</translation>
        </message>
        <message>
            <source>the order is paid already</source>
            <translation>注文は既に支払い済みです</translation>
        </message>
        <message>
            <source>the order is not paid yet</source>
            <translation>注文はまだ支払われていません</translation>
        </message>
        <message>
            <source>Tax rate {code!r}</source>
            <translation>税率 {code!r}</translation>
        </message>
        <message>
            <source>{what}: {value!r} is not a percent.</source>
            <translation>{what}: {value!r} はパーセントではありません。</translation>
        </message>
        <message>
            <source>{what}: write the percent exactly, as text or a whole number (percent = "8.875"), not {value!r}.</source>
            <translation>{what}: パーセントは文字列または整数で正確に書いてください（percent = "8.875"）。{value!r} は使えません。</translation>
        </message>
        <message>
            <source>{what}: {percent} is not a valid percent (0 to under {most}).</source>
            <translation>{what}: {percent} は有効なパーセントではありません（0 以上 {most} 未満）。</translation>
        </message>
        <message>
            <source>{what}: {percent:f}% has more decimals than the till keeps (at most {decimals}).</source>
            <translation>{what}: {percent:f}% はレジが保持できる小数桁数（最大 {decimals}）を超えています。</translation>
        </message>
        <message>
            <source>A tax rate needs a code, got {code!r}.</source>
            <translation>税率にはコードが必要です（指定: {code!r}）。</translation>
        </message>
        <message>
            <source>A tax rate needs a code and a percent, got {data!r}.</source>
            <translation>税率にはコードとパーセントが必要です（指定: {data!r}）。</translation>
        </message>
        <message>
            <source>{entry!r} is not CODE=PERCENT (for example STANDARD=8.875).</source>
            <translation>{entry!r} は CODE=PERCENT の形式ではありません（例: STANDARD=8.875）。</translation>
        </message>
        <message>
            <source>{value} is not a note or coin of {currency}.</source>
            <translation>{value} は {currency} の紙幣・硬貨ではありません。</translation>
        </message>
        <message>
            <source>A count cannot be negative.</source>
            <translation>数えた枚数をマイナスにはできません。</translation>
        </message>
        <message>
            <source>The card reader is busy (updating, or a card is still in it). Wait until it is free, then press Pay again.</source>
            <translation>カードリーダーが使用中です（更新中、またはカードが挿さったままです）。空くまで待ってから、もう一度「支払い」を押してください。</translation>
        </message>
        <message>
            <source>The card reader is offline. Check its power and network cable or Wi-Fi, or take another tender.</source>
            <translation>カードリーダーがオフラインです。電源とネットワークケーブルまたはWi-Fiを確認するか、別の支払い方法にしてください。</translation>
        </message>
        <message>
            <source>The card reader did not answer in time. Checking whether the payment went through…</source>
            <translation>カードリーダーが時間内に応答しませんでした。支払いが完了したか確認しています…</translation>
        </message>
        <message>
            <source>The card reader reported a fault. Restart it, or take another tender.</source>
            <translation>カードリーダーが故障を報告しました。再起動するか、別の支払い方法にしてください。</translation>
        </message>
        <message>
            <source>Stripe refused this till's key (revoked or expired). Card payments are off: take cash, and ask a manager to install a new key.</source>
            <translation>Stripeがこのレジのキーを拒否しました（失効または期限切れ）。カード決済は利用できません。現金で受け取り、責任者に新しいキーの設定を依頼してください。</translation>
        </message>
        <message>
            <source>The card reader {reader} is no longer in this store's Stripe account (deleted or never registered). Card payments are off: take cash, and ask a manager to pick another reader (omo-pos reader list) and set it as stripe.reader_id.</source>
            <translation>カードリーダー {reader} はこの店舗のStripeアカウントにありません（削除済み、または未登録）。カード決済は利用できません。現金で受け取り、責任者に別のリーダーを選んで（omo-pos reader list）stripe.reader_id に設定するよう依頼してください。</translation>
        </message>
        <message>
            <source>This till's Stripe key is not allowed to do this. Card payments are off: take cash, and ask a manager to fix the key's permissions.</source>
            <translation>このレジのStripeキーにはこの操作の権限がありません。カード決済は利用できません。現金で受け取り、責任者にキーの権限の修正を依頼してください。</translation>
        </message>
        <message>
            <source>This till holds a full live secret key. A manager must install a restricted key (rk_…) or explicitly allow the secret key.</source>
            <translation>このレジには本番用の完全なシークレットキーが設定されています。責任者が制限付きキー（rk_…）を設定するか、シークレットキーを明示的に許可する必要があります。</translation>
        </message>
        <message>
            <source>The Stripe key in the keyring is not a Stripe API key. Ask a manager.</source>
            <translation>キーリングのキーはStripe APIキーではありません。責任者に連絡してください。</translation>
        </message>
        <message>
            <source>The system keyring is not available, so the Stripe key cannot be read. Card payments are off; ask a manager.</source>
            <translation>システムのキーリングが使えないため、Stripeキーを読み込めません。カード決済は利用できません。責任者に連絡してください。</translation>
        </message>
        <message>
            <source>No Stripe key is set up on this till. Card payments are off; ask a manager.</source>
            <translation>このレジにはStripeキーが設定されていません。カード決済は利用できません。責任者に連絡してください。</translation>
        </message>
        <message>
            <source>Stripe is overloaded right now. Try again in a moment, or take cash.</source>
            <translation>Stripeが現在混み合っています。少し待ってから再試行するか、現金で受け取ってください。</translation>
        </message>
        <message>
            <source>The payment request clashed with an earlier one. Call a manager.</source>
            <translation>支払いリクエストが以前のものと競合しました。責任者を呼んでください。</translation>
        </message>
        <message>
            <source>Stripe refused the request ({code}). Take another tender or call a manager.</source>
            <translation>Stripeがリクエストを拒否しました（{code}）。別の支払い方法にするか、責任者を呼んでください。</translation>
        </message>
        <message>
            <source>Card payments are unavailable: the store's connection to the chain's payment service is down. Take cash or another tender.</source>
            <translation>カード決済は利用できません。店舗とチェーンの決済サービスとの接続が切れています。現金または別の支払い方法にしてください。</translation>
        </message>
        <message>
            <source>Card payments are slow: the chain's payment service is busy and did not take this request in time. Press Pay again in a moment, or take cash or another tender.</source>
            <translation>カード決済が遅れています：チェーンの決済サービスが混雑しており、この要求を時間内に受け付けませんでした。少し待ってからもう一度「支払い」を押すか、現金または別の支払方法を受け付けてください。</translation>
        </message>
        <message>
            <source>The backend does not know what was asked for ({what}).</source>
            <translation>バックエンドは要求されたもの（{what}）を把握していません。</translation>
        </message>
        <message>
            <source>The till cannot read its backend device token from the system keyring. Ask a manager to check the till's set-up.</source>
            <translation>レジがシステムのキーリングからバックエンド用デバイストークンを読み取れません。マネージャーにレジの設定を確認してもらってください。</translation>
        </message>
        <message>
            <source>This till has no backend device token yet. Ask a manager to register the till.</source>
            <translation>このレジにはまだバックエンド用デバイストークンがありません。マネージャーにレジの登録を依頼してください。</translation>
        </message>
        <message>
            <source>The OMO backend's certificate could not be verified, so the till will not talk to it. Ask a manager to check the backend address and certificate. Sales are kept.</source>
            <translation>OMOバックエンドの証明書を検証できないため、レジは通信しません。マネージャーにバックエンドのアドレスと証明書を確認してもらってください。売上は保存されています。</translation>
        </message>
        <message>
            <source>The OMO backend cannot be reached. Sales are kept and sent later.</source>
            <translation>OMOバックエンドに接続できません。売上は保存され、後で送信されます。</translation>
        </message>
        <message>
            <source>The connection to the OMO backend broke off. It will be retried.</source>
            <translation>OMOバックエンドとの接続が切れました。再試行します。</translation>
        </message>
        <message>
            <source>The OMO backend had a problem (HTTP {status}).</source>
            <translation>OMOバックエンドで問題が発生しました（HTTP {status}）。</translation>
        </message>
        <message>
            <source>The OMO backend sent an unreadable answer. It will be retried.</source>
            <translation>OMOバックエンドから読み取れない応答がありました。再試行します。</translation>
        </message>
        <message>
            <source>The OMO backend gave an unexpected answer (HTTP {status}).</source>
            <translation>OMOバックエンドから予期しない応答がありました（HTTP {status}）。</translation>
        </message>
        <message>
            <source>The OMO backend sent an answer this till does not understand.</source>
            <translation>OMOバックエンドから、このレジが理解できない応答がありました。</translation>
        </message>
        <message>
            <source>The OMO backend does not accept this till's device token (it was revoked). Ask a manager to register the till again. Sales are kept.</source>
            <translation>OMOバックエンドがこのレジのデバイストークンを受け付けません（失効しています）。マネージャーにレジの再登録を依頼してください。売上は保存されています。</translation>
        </message>
        <message>
            <source>The OMO backend does not accept this till's device token. Ask a manager to register the till again. Sales are kept.</source>
            <translation>OMOバックエンドがこのレジのデバイストークンを受け付けません。マネージャーにレジの再登録を依頼してください。売上は保存されています。</translation>
        </message>
        <message>
            <source>The OMO backend refused the request: {why}</source>
            <translation>OMOバックエンドが要求を拒否しました：{why}</translation>
        </message>
        <message>
            <source>The OMO backend is busy or has a problem (HTTP {status}).</source>
            <translation>OMOバックエンドが混雑しているか、問題があります（HTTP {status}）。</translation>
        </message>
        <message>
            <source>The OMO backend's answer does not match the events sent. It will be retried.</source>
            <translation>OMOバックエンドの応答が送信したイベントと一致しません。再試行します。</translation>
        </message>
        <message>
            <source>The OMO backend's copy of this till's audit log differs from this till's.</source>
            <translation>OMOバックエンドにあるこのレジの監査ログの写しが、レジのものと異なります。</translation>
        </message>
        <message>
            <source>Another sync worker is already sending this till's sales ({folder}). Only one may run at a time.</source>
            <translation>別の同期プロセスがすでにこのレジの売上を送信しています（{folder}）。同時に実行できるのは1つだけです。</translation>
        </message>
        <message>
            <source>The OMO backend cannot be reached.</source>
            <translation>OMOバックエンドに接続できません。</translation>
        </message>
        <message>
            <source>The OMO backend cannot be reached: search by name needs it.</source>
            <translation>OMOバックエンドに接続できません：名前での検索にはバックエンドが必要です。</translation>
        </message>
    </context>
    <context>
        <name>CameraDock</name>
        <message>
            <source>Camera</source>
            <translation>カメラ</translation>
        </message>
    </context>
    <context>
        <name>CardPanel</name>
        <message>
            <source>Starting the payment…</source>
            <translation>決済を開始しています…</translation>
        </message>
        <message>
            <source>Ask the customer to tap, insert or swipe their card</source>
            <translation>お客様にカードをタッチ、挿入、またはスワイプしてもらってください</translation>
        </message>
        <message>
            <source>Processing — keep the card on the reader</source>
            <translation>処理中 — カードをリーダーから離さないでください</translation>
        </message>
        <message>
            <source>Payment taken, finishing…</source>
            <translation>決済完了、処理中…</translation>
        </message>
        <message>
            <source>Approved</source>
            <translation>承認</translation>
        </message>
        <message>
            <source>Declined</source>
            <translation>拒否</translation>
        </message>
        <message>
            <source>Card payment not possible</source>
            <translation>カード決済はできません</translation>
        </message>
        <message>
            <source>Cancelling…</source>
            <translation>取消中…</translation>
        </message>
        <message>
            <source>Cancel payment (Esc)</source>
            <translation>決済を取消 (Esc)</translation>
        </message>
        <message>
            <source>Back to the sale (Esc)</source>
            <translation>販売に戻る (Esc)</translation>
        </message>
        <message>
            <source>Asking the reader to stop. If the card was already tapped, the payment result decides.</source>
            <translation>リーダーに停止を要求しています。カードが既にタッチされていた場合は決済結果に従います。</translation>
        </message>
    </context>
    <context>
        <name>CartModel</name>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>価格</translation>
        </message>
        <message>
            <source>Total</source>
            <translation>合計</translation>
        </message>
    </context>
    <context>
        <name>CashDialog</name>
        <message>
            <source>Cash</source>
            <translation>現金</translation>
        </message>
        <message>
            <source>Due in cash: {amount}</source>
            <translation>現金でのお支払い: {amount}</translation>
        </message>
        <message>
            <source>Exact {amount}</source>
            <translation>ちょうど {amount}</translation>
        </message>
        <message>
            <source>Amount given by the customer</source>
            <translation>お預かり金額</translation>
        </message>
        <message>
            <source>Take cash (Enter)</source>
            <translation>現金を受け取る (Enter)</translation>
        </message>
        <message>
            <source>Back (Esc)</source>
            <translation>戻る (Esc)</translation>
        </message>
        <message>
            <source>Enter the amount given</source>
            <translation>お預かり金額を入力してください</translation>
        </message>
        <message>
            <source>That is not an amount</source>
            <translation>金額ではありません</translation>
        </message>
        <message>
            <source>Short by {amount}</source>
            <translation>{amount} 不足</translation>
        </message>
        <message>
            <source>Change: {amount}</source>
            <translation>お釣り: {amount}</translation>
        </message>
    </context>
    <context>
        <name>CheckoutPage</name>
        <message>
            <source>Scan or search (F2)</source>
            <translation>スキャンまたは検索 (F2)</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>カード</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>現金</translation>
        </message>
        <message>
            <source>Split</source>
            <translation>分割</translation>
        </message>
        <message>
            <source>Discount</source>
            <translation>値引き</translation>
        </message>
        <message>
            <source>Qty</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Remove</source>
            <translation>削除</translation>
        </message>
        <message>
            <source>Suspend</source>
            <translation>保留</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>再開</translation>
        </message>
        <message>
            <source>Void</source>
            <translation>取消</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>ノーセール</translation>
        </message>
        <message>
            <source>Line disc.</source>
            <translation>行値引</translation>
        </message>
        <message>
            <source>Price</source>
            <translation>価格</translation>
        </message>
        <message>
            <source>Reprint</source>
            <translation>再印刷</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会員</translation>
        </message>
        <message>
            <source>Select a line or a search result first.</source>
            <translation>先に明細行か検索結果を選択してください。</translation>
        </message>
        <message>
            <source>Select a line first (arrow keys or tap it).</source>
            <translation>先に行を選択してください (矢印キーまたはタップ)。</translation>
        </message>
        <message>
            <source>No member on this sale — scan the member's app QR, or Ctrl+M to type it</source>
            <translation>この販売に会員はいません — 会員アプリのQRをスキャン、またはCtrl+Mで入力</translation>
        </message>
    </context>
    <context>
        <name>CloseDialog</name>
        <message>
            <source>Close the till</source>
            <translation>レジを締める</translation>
        </message>
        <message>
            <source>Why the difference? (kept with the closure)</source>
            <translation>差額の理由は? (締め記録に保存)</translation>
        </message>
    </context>
    <context>
        <name>CountDialog</name>
        <message>
            <source>Done</source>
            <translation>完了</translation>
        </message>
        <message>
            <source>Total: {amount}</source>
            <translation>合計: {amount}</translation>
        </message>
    </context>
    <context>
        <name>EnrolDialog</name>
        <message>
            <source>New member</source>
            <translation>新規会員</translation>
        </message>
        <message>
            <source>First name</source>
            <translation>名</translation>
        </message>
        <message>
            <source>Last name</source>
            <translation>姓</translation>
        </message>
        <message>
            <source>E-mail</source>
            <translation>メール</translation>
        </message>
        <message>
            <source>Phone</source>
            <translation>電話番号</translation>
        </message>
        <message>
            <source>An e-mail address or a phone number is enough. Ask the customer for each choice:</source>
            <translation>メールアドレスか電話番号のどちらかで十分です。それぞれの選択をお客様に確認してください：</translation>
        </message>
        <message>
            <source>Offers and news by e-mail or SMS</source>
            <translation>メールまたはSMSでのお得な情報・お知らせ</translation>
        </message>
        <message>
            <source>Use my purchases and views for suggestions in the shop and the app</source>
            <translation>購入・閲覧履歴を店舗とアプリでのおすすめに使う</translation>
        </message>
        <message>
            <source>Receipts by e-mail</source>
            <translation>レシートをメールで受け取る</translation>
        </message>
        <message>
            <source>Enrol</source>
            <translation>入会</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>キャンセル</translation>
        </message>
    </context>
    <context>
        <name>LoginScreen</name>
        <message>
            <source>Type or tap your PIN, then Enter</source>
            <translation>PINを入力またはタップしてEnter</translation>
        </message>
        <message>
            <source>OMO POS</source>
            <translation>OMO POS</translation>
        </message>
        <message>
            <source>Log in</source>
            <translation>ログイン</translation>
        </message>
        <message>
            <source>Staff PIN</source>
            <translation>スタッフPIN</translation>
        </message>
        <message>
            <source>Enter your staff PIN</source>
            <translation>スタッフPINを入力してください</translation>
        </message>
        <message>
            <source>Locked. {name}, or anyone on staff: enter your PIN</source>
            <translation>ロック中。{name}さん、またはスタッフの方はPINを入力してください</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {wait}, or ask a manager.</source>
            <translation>PINの誤りが多すぎます。{wait}後に再試行するか、責任者に連絡してください。</translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>再試行できます。</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>確認中…</translation>
        </message>
        <message>
            <source>The PIN could not be checked. Try again, or call a manager.</source>
            <translation>PINを確認できませんでした。再試行するか、責任者を呼んでください。</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message>
            <source>OMO POS — {store} — till {till}</source>
            <translation>OMO POS — {store} — レジ {till}</translation>
        </message>
        <message>
            <source>Opening the till…</source>
            <translation>レジを起動しています…</translation>
        </message>
        <message>
            <source>Sell</source>
            <translation>販売</translation>
        </message>
        <message>
            <source>Till</source>
            <translation>レジ</translation>
        </message>
        <message>
            <source>Members</source>
            <translation>会員</translation>
        </message>
        <message>
            <source>Returns &amp; pickups</source>
            <translation>返品・受取</translation>
        </message>
        <message>
            <source>Stock</source>
            <translation>在庫</translation>
        </message>
        <message>
            <source>The till cannot start:

{error}

Nothing was changed. Call a manager.</source>
            <translation>レジを起動できません:

{error}

何も変更されていません。責任者を呼んでください。</translation>
        </message>
        <message>
            <source>The sale that was open when the till stopped is back. Carry on.</source>
            <translation>レジ停止時に開いていた販売を復元しました。続けてください。</translation>
        </message>
        <message numerus="yes">
            <source>%n card payments interrupted by a stop were settled with Stripe; a manager will see them flagged.</source>
            <translation>
                <numerusform>停止で中断された%n件のカード決済をStripeと照合しました。責任者に印付きで表示されます。</numerusform>
            </translation>
        </message>
        <message>
            <source>A manager can correct it on the Till page ({key}).</source>
            <translation>責任者がレジ画面 ({key}) で修正できます。</translation>
        </message>
        <message>
            <source>A manager can correct it on the Till page.</source>
            <translation>責任者がレジ画面で修正できます。</translation>
        </message>
        <message>
            <source>Log in first, then scan again.</source>
            <translation>先にログインしてから、もう一度スキャンしてください。</translation>
        </message>
        <message>
            <source>Finish or close the open window first, then scan again.</source>
            <translation>開いているウィンドウを先に完了または閉じてから、もう一度スキャンしてください。</translation>
        </message>
    </context>
    <context>
        <name>MemberSalePresenter</name>
        <message>
            <source>points: Shift+F10</source>
            <translation>ポイント：Shift+F10</translation>
        </message>
        <message>
            <source>Offers: {n}, −{amount} (Ctrl+K) · points: Shift+F10</source>
            <translation>特典：{n} 件、−{amount}（Ctrl+K）· ポイント：Shift+F10</translation>
        </message>
        <message>
            <source>No coupon or promotion for this sale.</source>
            <translation>この販売に使えるクーポンやプロモーションはありません。</translation>
        </message>
        <message>
            <source>✓ {name} −{amount} (take it off)</source>
            <translation>✓ {name} −{amount}（外す）</translation>
        </message>
        <message>
            <source>✗ {name} (put it back)</source>
            <translation>✗ {name}（戻す）</translation>
        </message>
        <message>
            <source>Coupons and promotions</source>
            <translation>クーポンとプロモーション</translation>
        </message>
        <message>
            <source>Applied by themselves. Pick one to take it off or put it back:</source>
            <translation>自動で適用されています。外すか戻すものを選んでください：</translation>
        </message>
        <message>
            <source>Attach the member first: points pay only for their own sale.</source>
            <translation>先に会員を登録してください：ポイントは本人の販売にのみ使えます。</translation>
        </message>
        <message>
            <source>{points} points</source>
            <translation>{points} ポイント</translation>
        </message>
        <message>
            <source>Type the number of points, e.g. 500.</source>
            <translation>ポイント数を入力してください（例：500）。</translation>
        </message>
        <message>
            <source>Checking the member's points…</source>
            <translation>会員のポイントを確認中…</translation>
        </message>
        <message>
            <source>Pay with points</source>
            <translation>ポイントで支払う</translation>
        </message>
        <message>
            <source>Points to redeem (due {due}; {have}):</source>
            <translation>使用するポイント（お支払い残額 {due}、{have}）：</translation>
        </message>
        <message>
            <source>Handing the cart over…</source>
            <translation>カートを渡しています…</translation>
        </message>
        <message>
            <source>{shop} here ({app} in the app) · added</source>
            <translation>当店 {shop}（アプリでは {app}）· 追加済み</translation>
        </message>
        <message>
            <source>out of stock here · tap to add one the customer holds</source>
            <translation>当店在庫なし · お客様が手にしている商品ならタップで追加</translation>
        </message>
        <message>
            <source>not sold in this shop</source>
            <translation>当店では取り扱いがありません</translation>
        </message>
    </context>
    <context>
        <name>MembersPage</name>
        <message>
            <source>Scan the member's code, or type a number, name, phone or e-mail</source>
            <translation>会員コードを読み取るか、番号・名前・電話・メールを入力</translation>
        </message>
        <message>
            <source>&amp;Find</source>
            <translation>検索(&amp;F)</translation>
        </message>
        <message>
            <source>&amp;New member</source>
            <translation>新規会員(&amp;N)</translation>
        </message>
        <message>
            <source>&amp;Check in</source>
            <translation>チェックイン(&amp;C)</translation>
        </message>
        <message>
            <source>Take &amp;back</source>
            <translation>返品(&amp;B)</translation>
        </message>
        <message>
            <source>Open the selected recent order in Returns &amp; pickups</source>
            <translation>選択した最近の注文を返品・受取で開きます</translation>
        </message>
        <message>
            <source>Coupons</source>
            <translation>クーポン</translation>
        </message>
        <message>
            <source>Recent orders</source>
            <translation>最近の注文</translation>
        </message>
        <message>
            <source>Recently viewed online</source>
            <translation>最近オンラインで閲覧</translation>
        </message>
        <message>
            <source>Suggestions</source>
            <translation>おすすめ</translation>
        </message>
        <message>
            <source>No member open</source>
            <translation>会員が開かれていません</translation>
        </message>
        <message>
            <source>Enter or a double tap adds it to the sale</source>
            <translation>Enter またはダブルタップで販売に追加</translation>
        </message>
    </context>
    <context>
        <name>MembersPresenter</name>
        <message>
            <source>Looking up…</source>
            <translation>検索中…</translation>
        </message>
        <message>
            <source>Added to the sale: {name}. The sale is on Sell (Alt+1).</source>
            <translation>販売に追加しました：{name}。販売は「販売」画面にあります（Alt+1）。</translation>
        </message>
        <message>
            <source>{name} · {tier} · no. {no} {hint}</source>
            <translation>{name} · {tier} · 番号 {no} {hint}</translation>
        </message>
        <message>
            <source>{name} · {tier} · no. {no}</source>
            <translation>{name} · {tier} · 番号 {no}</translation>
        </message>
        <message>
            <source>{points} points</source>
            <translation>{points} ポイント</translation>
        </message>
        <message>
            <source>(provisional: from this till's cache, the backend cannot be reached)</source>
            <translation>（仮：このレジのキャッシュから。バックエンドに接続できません）</translation>
        </message>
        <message>
            <source>(provisional: {n:+} not yet synced)</source>
            <translation>（仮：{n:+} は未同期）</translation>
        </message>
        <message>
            <source>checked in today</source>
            <translation>本日チェックイン済み</translation>
        </message>
        <message>
            <source>Found without the member's code: only what checkout needs. Scan their code for more.</source>
            <translation>会員コードなしで検索：会計に必要な情報のみ表示します。詳しくはコードを読み取ってください。</translation>
        </message>
        <message>
            <source>The member has not consented to personalisation: only what checkout needs.</source>
            <translation>会員はパーソナライズに同意していません：会計に必要な情報のみ表示します。</translation>
        </message>
        <message>
            <source>{title} ({off} off)</source>
            <translation>{title}（{off} 引き）</translation>
        </message>
        <message>
            <source>{date} online, order {ref}: {total} — {items}</source>
            <translation>{date} オンライン、注文 {ref}：{total} — {items}</translation>
        </message>
        <message>
            <source>{date} in store: {total} — {items}</source>
            <translation>{date} 店舗：{total} — {items}</translation>
        </message>
        <message>
            <source>bought together</source>
            <translation>一緒に購入</translation>
        </message>
        <message>
            <source>viewed</source>
            <translation>閲覧</translation>
        </message>
        <message>
            <source>{name} ({why})</source>
            <translation>{name}（{why}）</translation>
        </message>
        <message>
            <source>Your role cannot take goods back.</source>
            <translation>あなたの役割では返品を受け付けられません。</translation>
        </message>
    </context>
    <context>
        <name>NumericKeypad</name>
        <message>
            <source>Delete the last digit (Backspace)</source>
            <translation>最後の数字を削除 (Backspace)</translation>
        </message>
        <message>
            <source>Delete last digit</source>
            <translation>最後の数字を削除</translation>
        </message>
        <message>
            <source>Enter</source>
            <translation>確定</translation>
        </message>
    </context>
    <context>
        <name>OverrideDialog</name>
        <message>
            <source>Manager approval</source>
            <translation>責任者の承認</translation>
        </message>
        <message>
            <source>Asked by {name} ({role})</source>
            <translation>依頼者：{name}（{role}）</translation>
        </message>
        <message>
            <source>Reason (required) — then Enter</source>
            <translation>理由（必須）— 入力後 Enter</translation>
        </message>
        <message>
            <source>Reason (optional)</source>
            <translation>理由（任意）</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>Manager: enter your PIN to approve</source>
            <translation>責任者: 承認するにはPINを入力してください</translation>
        </message>
        <message>
            <source>Approve</source>
            <translation>承認</translation>
        </message>
        <message>
            <source>Manager PIN</source>
            <translation>責任者PIN</translation>
        </message>
        <message>
            <source>Cancel (Esc)</source>
            <translation>キャンセル (Esc)</translation>
        </message>
        <message>
            <source>Too many wrong PINs. Try again in {wait}.</source>
            <translation>PINの誤りが多すぎます。{wait}後に再試行してください。</translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>再試行できます。</translation>
        </message>
        <message>
            <source>Checking…</source>
            <translation>確認中…</translation>
        </message>
        <message>
            <source>The PIN could not be checked. Try again.</source>
            <translation>PINを確認できませんでした。再試行してください。</translation>
        </message>
    </context>
    <context>
        <name>PickupsPanel</name>
        <message>
            <source>Comes back for it</source>
            <translation>後日受け取る</translation>
        </message>
        <message>
            <source>Wrong size or colour</source>
            <translation>サイズ・色違い</translation>
        </message>
        <message>
            <source>Damaged</source>
            <translation>破損</translation>
        </message>
        <message>
            <source>Changed mind</source>
            <translation>気が変わった</translation>
        </message>
        <message>
            <source>Hand over</source>
            <translation>引き渡す</translation>
        </message>
        <message>
            <source>Check customer</source>
            <translation>お客様確認</translation>
        </message>
        <message>
            <source>Back to stock</source>
            <translation>在庫に戻す</translation>
        </message>
        <message>
            <source>Refresh list</source>
            <translation>一覧を更新</translation>
        </message>
        <message>
            <source>Close</source>
            <translation>閉じる</translation>
        </message>
        <message>
            <source>Scan the order's QR code or type its number (F2)</source>
            <translation>注文のQRコードをスキャンまたは番号を入力 (F2)</translation>
        </message>
        <message>
            <source>Order</source>
            <translation>注文</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>お客様</translation>
        </message>
        <message>
            <source>Shelf</source>
            <translation>棚</translation>
        </message>
        <message>
            <source>Waiting</source>
            <translation>待ち時間</translation>
        </message>
        <message>
            <source>Items</source>
            <translation>点数</translation>
        </message>
        <message>
            <source>Pick an order (Enter or double-click) or scan it.</source>
            <translation>注文を選ぶ (Enterまたはダブルクリック) か、スキャンしてください。</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Ordered</source>
            <translation>注文数</translation>
        </message>
        <message>
            <source>Give now</source>
            <translation>今回渡す</translation>
        </message>
        <message>
            <source>Why the rest stays</source>
            <translation>残りの理由</translation>
        </message>
        <message>
            <source>+ / − or a digit: how many are handed over now · Enter: why the rest stays</source>
            <translation>+ / − または数字: 今回渡す数 · Enter: 残りの理由</translation>
        </message>
        <message>
            <source>{item}
({n} handed over)</source>
            <translation>{item}
({n}点 引渡済)</translation>
        </message>
    </context>
    <context>
        <name>PickupsPresenter</name>
        <message>
            <source>Not collected in time — back to stock</source>
            <translation>期限切れ — 在庫に戻す</translation>
        </message>
        <message>
            <source>Partly handed over</source>
            <translation>一部引渡済</translation>
        </message>
        <message>
            <source>As of {time} (backend)</source>
            <translation>{time} 時点 (バックエンド)</translation>
        </message>
        <message>
            <source>Order {order} · {customer} · shelf {shelf}{checked}</source>
            <translation>注文 {order} · {customer} · 棚 {shelf}{checked}</translation>
        </message>
        <message>
            <source>customer checked</source>
            <translation>お客様確認済み</translation>
        </message>
        <message>
            <source>check the customer (F4)</source>
            <translation>お客様を確認 (F4)</translation>
        </message>
        <message>
            <source>not collected in time</source>
            <translation>期限切れ</translation>
        </message>
        <message>
            <source>{n} h</source>
            <translation>{n}時間</translation>
        </message>
        <message>
            <source>{n} days</source>
            <translation>{n}日</translation>
        </message>
        <message>
            <source>Back to stock</source>
            <translation>在庫に戻す</translation>
        </message>
        <message>
            <source>Order {order} was not collected: take it back and refund the customer?</source>
            <translation>注文 {order} は受け取られませんでした: 引き取ってお客様に返金しますか?</translation>
        </message>
    </context>
    <context>
        <name>PinDots</name>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
    </context>
    <context>
        <name>PosStatusBar</name>
        <message>
            <source>Backend: online</source>
            <translation>バックエンド: オンライン</translation>
        </message>
        <message>
            <source>Backend: degraded</source>
            <translation>バックエンド: 低下</translation>
        </message>
        <message>
            <source>Backend: offline</source>
            <translation>バックエンド: オフライン</translation>
        </message>
        <message>
            <source>Backend: not configured</source>
            <translation>バックエンド: 未設定</translation>
        </message>
        <message>
            <source>Backend: unknown</source>
            <translation>バックエンド: 不明</translation>
        </message>
        <message numerus="yes">
            <source>Queue: %n</source>
            <translation>
                <numerusform>待ち: %n</numerusform>
            </translation>
        </message>
        <message>
            <source>(oldest {age})</source>
            <translation>(最古 {age})</translation>
        </message>
        <message>
            <source>1 needs a manager</source>
            <translation>1件 責任者が必要</translation>
        </message>
        <message numerus="yes">
            <source>%n need a manager</source>
            <translation>
                <numerusform>%n件 責任者が必要</numerusform>
            </translation>
        </message>
        <message>
            <source>Card: ready</source>
            <translation>カード: 準備完了</translation>
        </message>
        <message>
            <source>Card unavailable: Stripe unreachable, take cash</source>
            <translation>カード利用不可: Stripeに接続できません。現金で受けてください</translation>
        </message>
        <message>
            <source>Card: not set up</source>
            <translation>カード: 未設定</translation>
        </message>
        <message>
            <source>Card: checking…</source>
            <translation>カード: 確認中…</translation>
        </message>
        <message>
            <source>Reader: online</source>
            <translation>リーダー: オンライン</translation>
        </message>
        <message>
            <source>Reader: busy</source>
            <translation>リーダー: 使用中</translation>
        </message>
        <message>
            <source>Reader: offline</source>
            <translation>リーダー: オフライン</translation>
        </message>
        <message>
            <source>Reader: none</source>
            <translation>リーダー: なし</translation>
        </message>
        <message>
            <source>Reader: unknown</source>
            <translation>リーダー: 不明</translation>
        </message>
        <message>
            <source>Catalog sync {pct}</source>
            <translation>カタログ同期 {pct}</translation>
        </message>
    </context>
    <context>
        <name>Presenter</name>
        <message>
            <source>That did not work: {error}. Nothing was lost; try again.</source>
            <translation>うまくいきませんでした: {error}。何も失われていません。再試行してください。</translation>
        </message>
        <message>
            <source>Receipt not printed: {problem} It waits in the print queue.</source>
            <translation>レシートは印刷されませんでした: {problem} 印刷待ちの列で待機しています。</translation>
        </message>
        <message>
            <source>Printer problem: {error}. The receipt is kept.</source>
            <translation>プリンターの問題: {error}。レシートは保持されています。</translation>
        </message>
        <message>
            <source>Not approved; nothing changed.</source>
            <translation>承認されませんでした。何も変更されていません。</translation>
        </message>
    </context>
    <context>
        <name>QrDialog</name>
        <message>
            <source>Scan with the OMO app</source>
            <translation>OMOアプリで読み取ってください</translation>
        </message>
        <message>
            <source>Done</source>
            <translation>完了</translation>
        </message>
    </context>
    <context>
        <name>receipt</name>
        <message>
            <source>Receipt {}</source>
            <translation>レシート {}</translation>
        </message>
        <message>
            <source>Till {}</source>
            <translation>レジ {}</translation>
        </message>
        <message>
            <source>Cashier {}</source>
            <translation>担当 {}</translation>
        </message>
        <message>
            <source>Member {}</source>
            <translation>会員 {}</translation>
        </message>
        <message>
            <source>Discount</source>
            <translation>値引き</translation>
        </message>
        <message>
            <source>Subtotal</source>
            <translation>小計</translation>
        </message>
        <message>
            <source>Discounts</source>
            <translation>値引き</translation>
        </message>
        <message>
            <source>TOTAL</source>
            <translation>合計</translation>
        </message>
        <message>
            <source>Rate</source>
            <translation>税率</translation>
        </message>
        <message>
            <source>Net</source>
            <translation>税抜</translation>
        </message>
        <message>
            <source>Tax</source>
            <translation>税額</translation>
        </message>
        <message>
            <source>Gross</source>
            <translation>税込</translation>
        </message>
        <message>
            <source>Auth {}</source>
            <translation>承認番号 {}</translation>
        </message>
        <message>
            <source>Cash rounding</source>
            <translation>現金端数調整</translation>
        </message>
        <message>
            <source>Change</source>
            <translation>お釣り</translation>
        </message>
        <message>
            <source>PAYMENT PENDING</source>
            <translation>決済保留中</translation>
        </message>
        <message>
            <source>Not a proof of payment</source>
            <translation>支払いの証明ではありません</translation>
        </message>
        <message>
            <source>COPY</source>
            <translation>控え</translation>
        </message>
        <message>
            <source>Duplicate of the original receipt</source>
            <translation>元のレシートの控え</translation>
        </message>
        <message>
            <source>REPRINT</source>
            <translation>再発行</translation>
        </message>
        <message>
            <source>Reprint of the original receipt</source>
            <translation>元のレシートの再発行</translation>
        </message>
        <message>
            <source>Order {}</source>
            <translation>注文 {}</translation>
        </message>
        <message>
            <source>Home delivery by {} from {}</source>
            <translation>{} までに自宅配送（{} から）</translation>
        </message>
        <message>
            <source>Collect here from {} (from {})</source>
            <translation>{} からこの店舗で受け取り（{} から）</translation>
        </message>
        <message>
            <source>Reserved at {}, collected</source>
            <translation>{} で取り置き、受け取り済み</translation>
        </message>
        <message>
            <source>Scan with the OMO app</source>
            <translation>OMOアプリでスキャンして</translation>
        </message>
        <message>
            <source>to claim this purchase</source>
            <translation>このお買い物を登録</translation>
        </message>
        <message>
            <source>Your order: show this code</source>
            <translation>ご注文: このコードを提示して</translation>
        </message>
        <message>
            <source>to collect it or to ask about it</source>
            <translation>受け取り・お問い合わせください</translation>
        </message>
        <message>
            <source>Z report {}</source>
            <translation>Zレポート {}</translation>
        </message>
        <message>
            <source>Closed by {}</source>
            <translation>締め担当 {}</translation>
        </message>
        <message>
            <source>NET SALES</source>
            <translation>純売上</translation>
        </message>
        <message>
            <source>Cash</source>
            <translation>現金</translation>
        </message>
        <message>
            <source>Card</source>
            <translation>カード</translation>
        </message>
        <message>
            <source>Points</source>
            <translation>ポイント</translation>
        </message>
        <message>
            <source>Points earned: {} (provisional)</source>
            <translation>獲得ポイント：{}（仮）</translation>
        </message>
        <message>
            <source>redeemed: {}</source>
            <translation>使用：{}</translation>
        </message>
        <message>
            <source>Prices include VAT</source>
            <translation>価格は税込です</translation>
        </message>
        <message>
            <source>Thank you for shopping with us</source>
            <translation>ご来店ありがとうございました</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDialog</name>
        <message>
            <source>Receipt %s</source>
            <translation>レシート %s</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>印刷(&amp;P)…</translation>
        </message>
        <message>
            <source>Save as P&amp;DF…</source>
            <translation>PDFで保存(&amp;D)…</translation>
        </message>
        <message>
            <source>Save receipt as PDF</source>
            <translation>レシートをPDFで保存</translation>
        </message>
    </context>
    <context>
        <name>ReceiptDock</name>
        <message>
            <source>Receipt</source>
            <translation>レシート</translation>
        </message>
        <message>
            <source>Print or save as PDF…</source>
            <translation>印刷またはPDFで保存…</translation>
        </message>
    </context>
    <context>
        <name>ReceiptView</name>
        <message>
            <source>Receipt</source>
            <translation>レシート</translation>
        </message>
    </context>
    <context>
        <name>ReturnsPanel</name>
        <message>
            <source>Refund to payment</source>
            <translation>元の支払へ返金</translation>
        </message>
        <message>
            <source>Store credit</source>
            <translation>ストアクレジット</translation>
        </message>
        <message>
            <source>Exchange</source>
            <translation>交換</translation>
        </message>
        <message>
            <source>Check customer</source>
            <translation>お客様確認</translation>
        </message>
        <message>
            <source>No receipt</source>
            <translation>レシートなし</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>クリア</translation>
        </message>
        <message>
            <source>Scan the order or receipt QR, or type its number (F2)</source>
            <translation>注文またはレシートのQRをスキャン、または番号を入力 (F2)</translation>
        </message>
        <message>
            <source>Find</source>
            <translation>検索</translation>
        </message>
        <message>
            <source>Scan the order's QR code (e-mail or app), a receipt, or a member's app.</source>
            <translation>注文のQRコード (メールまたはアプリ)、レシート、または会員アプリをスキャンしてください。</translation>
        </message>
        <message>
            <source>Item</source>
            <translation>商品</translation>
        </message>
        <message>
            <source>Bought</source>
            <translation>購入数</translation>
        </message>
        <message>
            <source>Left</source>
            <translation>残り</translation>
        </message>
        <message>
            <source>Take back</source>
            <translation>返品数</translation>
        </message>
        <message>
            <source>Reason</source>
            <translation>理由</translation>
        </message>
        <message>
            <source>Resell</source>
            <translation>再販可</translation>
        </message>
        <message>
            <source>+ / − or a digit: how many come back · Space: resell · Enter: the reason</source>
            <translation>+ / − または数字: 返品数 · Space: 再販可 · Enter: 理由</translation>
        </message>
        <message>
            <source>Complete</source>
            <translation>完了</translation>
        </message>
        <message>
            <source>Complete, rest as credit</source>
            <translation>完了 (残りはクレジット)</translation>
        </message>
        <message>
            <source>Give up</source>
            <translation>取りやめる</translation>
        </message>
        <message>
            <source>Retry</source>
            <translation>再試行</translation>
        </message>
        <message>
            <source>Rest as store credit</source>
            <translation>残りをクレジットで</translation>
        </message>
        <message>
            <source>Rest in cash</source>
            <translation>残りを現金で</translation>
        </message>
    </context>
    <context>
        <name>ReturnsPickupsPage</name>
        <message>
            <source>Returns  Ctrl+PgUp</source>
            <translation>返品  Ctrl+PgUp</translation>
        </message>
        <message>
            <source>Pickups  Ctrl+PgDn</source>
            <translation>受取  Ctrl+PgDn</translation>
        </message>
        <message>
            <source>The scan was cut short ({n} characters arrived): scan the code again.</source>
            <translation>スキャンが途中で切れました ({n}文字受信): もう一度コードをスキャンしてください。</translation>
        </message>
    </context>
    <context>
        <name>ReturnsPresenter</name>
        <message>
            <source>{label}: {total} — {problem}</source>
            <translation>{label}: {total} — {problem}</translation>
        </message>
        <message>
            <source>interrupted</source>
            <translation>中断</translation>
        </message>
        <message>
            <source>Return without a receipt: scan the items (today's prices, store credit).</source>
            <translation>レシートなしの返品: 商品をスキャンしてください (本日の価格、ストアクレジット)。</translation>
        </message>
        <message>
            <source>Order {label}</source>
            <translation>注文 {label}</translation>
        </message>
        <message>
            <source>Receipt {label}</source>
            <translation>レシート {label}</translation>
        </message>
        <message>
            <source>{what} · {when} · paid {paid} ({how}){who}{unverified}</source>
            <translation>{what} · {when} · 支払 {paid} ({how}){who}{unverified}</translation>
        </message>
        <message>
            <source>not checked by the backend</source>
            <translation>バックエンド未確認</translation>
        </message>
        <message>
            <source>Customer checked.</source>
            <translation>お客様を確認しました。</translation>
        </message>
        <message>
            <source>Found by its number: check the customer first (F4).</source>
            <translation>番号で見つかりました: 先にお客様を確認してください (F4)。</translation>
        </message>
        <message>
            <source>to the card</source>
            <translation>カードへ</translation>
        </message>
        <message>
            <source>in cash</source>
            <translation>現金で</translation>
        </message>
        <message>
            <source>as points</source>
            <translation>ポイントで</translation>
        </message>
        <message>
            <source>as store credit</source>
            <translation>ストアクレジットで</translation>
        </message>
        <message>
            <source>points −{taken} / +{given}</source>
            <translation>ポイント −{taken} / +{given}</translation>
        </message>
        <message>
            <source>Refund {total} (tax {tax})</source>
            <translation>返金 {total} (税 {tax})</translation>
        </message>
        <message>
            <source>the customer pays {amount}</source>
            <translation>お客様のお支払い {amount}</translation>
        </message>
        <message>
            <source>the customer gets {amount} back</source>
            <translation>お客様への返金 {amount}</translation>
        </message>
        <message>
            <source>nothing to pay either way</source>
            <translation>双方とも支払いなし</translation>
        </message>
        <message>
            <source>Exchange from {label}: {items} back, credit {credit}; new items on Sell {new}: {net}.</source>
            <translation>{label} からの交換: 返品 {items}、クレジット {credit}。販売の新しい商品 {new}: {net}。</translation>
        </message>
        <message>
            <source>Wait: a refund is being made.</source>
            <translation>お待ちください: 返金処理中です。</translation>
        </message>
        <message>
            <source>Opening {ref}…</source>
            <translation>{ref} を開いています…</translation>
        </message>
        <message>
            <source>online</source>
            <translation>オンライン</translation>
        </message>
        <message>
            <source>in store</source>
            <translation>店舗</translation>
        </message>
        <message>
            <source>Recent orders</source>
            <translation>最近の注文</translation>
        </message>
        <message>
            <source>Which purchase comes back?</source>
            <translation>どの購入を返品しますか?</translation>
        </message>
        <message>
            <source>Give up</source>
            <translation>取りやめる</translation>
        </message>
        <message>
            <source>Give this return up? Nothing of it was refunded; the items stay the customer's.</source>
            <translation>この返品を取りやめますか? 返金はされておらず、商品はお客様のものです。</translation>
        </message>
        <message>
            <source>Interac: ask the customer to tap their card on the reader for the refund.</source>
            <translation>Interac: 返金のため、お客様にカードをリーダーにタッチしてもらってください。</translation>
        </message>
        <message>
            <source>Their name</source>
            <translation>お名前</translation>
        </message>
        <message>
            <source>Last 4 digits of the card</source>
            <translation>カード番号の末尾4桁</translation>
        </message>
        <message>
            <source>The code in their app</source>
            <translation>アプリのコード</translation>
        </message>
        <message>
            <source>Check the customer</source>
            <translation>お客様の確認</translation>
        </message>
        <message>
            <source>What does the customer give?</source>
            <translation>お客様から何を確認しますか?</translation>
        </message>
    </context>
    <context>
        <name>SellPresenter</name>
        <message>
            <source>price changed: {reason}</source>
            <translation>価格変更: {reason}</translation>
        </message>
        <message>
            <source>{rate} on {amount}</source>
            <translation>{amount} に対し {rate}</translation>
        </message>
        <message>
            <source>{name} · {tier} · no. {no}</source>
            <translation>{name} · {tier} · 番号 {no}</translation>
        </message>
        <message>
            <source>Member</source>
            <translation>会員</translation>
        </message>
        <message>
            <source>member</source>
            <translation>会員</translation>
        </message>
        <message>
            <source>{points} points</source>
            <translation>{points} ポイント</translation>
        </message>
        <message>
            <source>order {order}: delivered by {day}</source>
            <translation>注文 {order}: {day} までにお届け</translation>
        </message>
        <message>
            <source>order {order}: collect here from {day}</source>
            <translation>注文 {order}: {day} からこの店舗で受け取り</translation>
        </message>
        <message>
            <source>reservation {order}</source>
            <translation>取り置き {order}</translation>
        </message>
        <message>
            <source>{name} · {role} · till {till}</source>
            <translation>{name} · {role} · レジ {till}</translation>
        </message>
        <message>
            <source>The scan was cut short ({n} characters arrived): scan the item again.</source>
            <translation>スキャンが途中で切れました ({n}文字受信): もう一度スキャンしてください。</translation>
        </message>
        <message>
            <source>Quantity</source>
            <translation>数量</translation>
        </message>
        <message>
            <source>Quantity of {item}:</source>
            <translation>{item} の数量:</translation>
        </message>
        <message>
            <source>Wait: the payment is being finished.</source>
            <translation>お待ちください: 決済を完了しています。</translation>
        </message>
        <message>
            <source>Member number (from the card or the app):</source>
            <translation>会員番号 (カードまたはアプリ):</translation>
        </message>
        <message>
            <source>Discount</source>
            <translation>値引き</translation>
        </message>
        <message>
            <source>Discount on this line: percent (10%) or amount (2.50)</source>
            <translation>この行の値引き: パーセント (10%) または金額 (2.50)</translation>
        </message>
        <message>
            <source>Discount on the whole sale: percent (10%) or amount (2.50)</source>
            <translation>販売全体の値引き: パーセント (10%) または金額 (2.50)</translation>
        </message>
        <message>
            <source>Price override</source>
            <translation>価格変更</translation>
        </message>
        <message>
            <source>Reason (kept in the audit log):</source>
            <translation>理由 (監査ログに記録):</translation>
        </message>
        <message>
            <source>New unit price:</source>
            <translation>新しい単価:</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>ノーセール</translation>
        </message>
        <message>
            <source>Why open the drawer? (logged)</source>
            <translation>ドロアを開ける理由は? (記録されます)</translation>
        </message>
        <message>
            <source>No suspended sales on this till.</source>
            <translation>このレジに保留中の販売はありません。</translation>
        </message>
        <message>
            <source>Resume</source>
            <translation>再開</translation>
        </message>
        <message>
            <source>Which sale?</source>
            <translation>どの販売ですか?</translation>
        </message>
    </context>
    <context>
        <name>Shortcuts</name>
        <message>
            <source>Search products</source>
            <translation>商品を検索</translation>
        </message>
        <message>
            <source>Change quantity of the selected line</source>
            <translation>選択した行の数量を変更</translation>
        </message>
        <message>
            <source>Discount the selected line</source>
            <translation>選択した行を値引き</translation>
        </message>
        <message>
            <source>Discount the whole sale</source>
            <translation>販売全体を値引き</translation>
        </message>
        <message>
            <source>Override the price of the selected line</source>
            <translation>選択した行の価格を変更</translation>
        </message>
        <message>
            <source>Pay by card on the reader</source>
            <translation>リーダーでカード払い</translation>
        </message>
        <message>
            <source>Pay cash</source>
            <translation>現金で支払う</translation>
        </message>
        <message>
            <source>Split: card for part, cash for the rest</source>
            <translation>分割: 一部をカード、残りを現金</translation>
        </message>
        <message>
            <source>Suspend the sale</source>
            <translation>販売を保留</translation>
        </message>
        <message>
            <source>Resume a suspended sale</source>
            <translation>保留中の販売を再開</translation>
        </message>
        <message>
            <source>Remove the selected line</source>
            <translation>選択した行を削除</translation>
        </message>
        <message>
            <source>Void the sale (manager)</source>
            <translation>販売を取消 (責任者)</translation>
        </message>
        <message>
            <source>Open the drawer without a sale (reason)</source>
            <translation>販売なしでドロアを開ける (理由)</translation>
        </message>
        <message>
            <source>Reprint the last receipt</source>
            <translation>最後のレシートを再印刷</translation>
        </message>
        <message>
            <source>Type a member number</source>
            <translation>会員番号を入力</translation>
        </message>
        <message>
            <source>Coupons and promotions: take one off or back</source>
            <translation>クーポンとプロモーション：外す・戻す</translation>
        </message>
        <message>
            <source>Pay with the member's points</source>
            <translation>会員のポイントで支払う</translation>
        </message>
        <message>
            <source>Hand the cart to the customer's phone (QR)</source>
            <translation>カートをお客様のスマホに渡す（QR）</translation>
        </message>
        <message>
            <source>Lock the till</source>
            <translation>レジをロック</translation>
        </message>
        <message>
            <source>Stock of the selected line or search result everywhere</source>
            <translation>選択した明細行・検索結果の全店舗在庫</translation>
        </message>
    </context>
    <context>
        <name>SimulatorPanel</name>
        <message>
            <source>Demo</source>
            <translation>デモ</translation>
        </message>
        <message>
            <source>Demo: be the customer and the world around the till</source>
            <translation>デモ: お客様とレジの周りの世界を演じる</translation>
        </message>
        <message>
            <source>Card reader</source>
            <translation>カードリーダー</translation>
        </message>
        <message>
            <source>Tap this card</source>
            <translation>このカードをタッチ</translation>
        </message>
        <message>
            <source>Decline</source>
            <translation>拒否</translation>
        </message>
        <message>
            <source>Customer cancels</source>
            <translation>お客様が取消</translation>
        </message>
        <message>
            <source>Reader times out</source>
            <translation>リーダーがタイムアウト</translation>
        </message>
        <message>
            <source>Network</source>
            <translation>ネットワーク</translation>
        </message>
        <message>
            <source>Backend offline</source>
            <translation>バックエンド オフライン</translation>
        </message>
        <message>
            <source>Camera</source>
            <translation>カメラ</translation>
        </message>
        <message>
            <source>Member's phone</source>
            <translation>会員のスマホ</translation>
        </message>
        <message>
            <source>Order QR</source>
            <translation>注文QR</translation>
        </message>
        <message>
            <source>Phone away</source>
            <translation>スマホを離す</translation>
        </message>
        <message>
            <source>Backend back online</source>
            <translation>バックエンド 復旧</translation>
        </message>
    </context>
    <context>
        <name>SplitDialog</name>
        <message>
            <source>Split payment</source>
            <translation>分割払い</translation>
        </message>
        <message>
            <source>Total due: {amount}</source>
            <translation>お支払い合計: {amount}</translation>
        </message>
        <message>
            <source>Amount to put on the card now (the rest in cash):</source>
            <translation>今カードで支払う金額 (残りは現金):</translation>
        </message>
        <message>
            <source>Card first (Enter)</source>
            <translation>先にカード (Enter)</translation>
        </message>
    </context>
    <context>
        <name>StockPage</name>
        <message>
            <source>Scan an item, or type its SKU or name, then Enter</source>
            <translation>商品をスキャンするか SKU・商品名を入力して Enter</translation>
        </message>
        <message>
            <source>Stock in every store</source>
            <translation>全店舗の在庫</translation>
        </message>
        <message>
            <source>Store</source>
            <translation>店舗</translation>
        </message>
        <message>
            <source>Can sell</source>
            <translation>販売可</translation>
        </message>
        <message>
            <source>On hand</source>
            <translation>手持ち</translation>
        </message>
        <message>
            <source>Held</source>
            <translation>確保済み</translation>
        </message>
        <message>
            <source>Open today</source>
            <translation>本日の営業</translation>
        </message>
        <message>
            <source>Coming</source>
            <translation>入荷予定</translation>
        </message>
        <message>
            <source>Variants — each: here / other stores / warehouse</source>
            <translation>バリエーション — 各: この店舗 / 他店舗 / 倉庫</translation>
        </message>
        <message>
            <source>&amp;Reserve there</source>
            <translation>そこで取り置き(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Collect here tomorrow</source>
            <translation>明日ここで受け取り(&amp;C)</translation>
        </message>
        <message>
            <source>&amp;Deliver home</source>
            <translation>自宅配送(&amp;D)</translation>
        </message>
        <message>
            <source>Reser&amp;vation here</source>
            <translation>ここの取り置き(&amp;V)</translation>
        </message>
        <message>
            <source>Refresh (F5)</source>
            <translation>更新 (F5)</translation>
        </message>
    </context>
    <context>
        <name>StockPresenter</name>
        <message>
            <source>Asking the OMO backend…</source>
            <translation>OMO バックエンドに問い合わせ中…</translation>
        </message>
        <message>
            <source>OFFLINE — the stock last known {age} ago (as of {time}); it may have changed.</source>
            <translation>オフライン — {age}前（{time}時点）の在庫です。変わっている可能性があります。</translation>
        </message>
        <message>
            <source>Live from the OMO backend, as of {time}.</source>
            <translation>OMO バックエンドの最新情報（{time}時点）。</translation>
        </message>
        <message>
            <source>Here — {name}</source>
            <translation>この店舗 — {name}</translation>
        </message>
        <message>
            <source>{name} (delivers)</source>
            <translation>{name}（発送）</translation>
        </message>
        <message>
            <source>delivers only</source>
            <translation>発送のみ</translation>
        </message>
        <message>
            <source>closed today</source>
            <translation>本日休業</translation>
        </message>
        <message>
            <source>{hours}
open now</source>
            <translation>{hours}
営業中</translation>
        </message>
        <message>
            <source>{hours}
closed now</source>
            <translation>{hours}
営業時間外</translation>
        </message>
        <message>
            <source>{qty} on {day}</source>
            <translation>{day} に {qty}</translation>
        </message>
        <message>
            <source>Reservation</source>
            <translation>取り置き</translation>
        </message>
        <message>
            <source>The reservation's order number (or scan its QR):</source>
            <translation>取り置きの注文番号（または QR をスキャン）:</translation>
        </message>
        <message>
            <source>Look an item up first: scan it or type its SKU or name.</source>
            <translation>まず商品を検索してください: スキャンするか SKU・商品名を入力。</translation>
        </message>
        <message>
            <source>Choose the store to reserve at in the list (arrow keys), then Reserve.</source>
            <translation>一覧で取り置きする店舗を選び（矢印キー）、取り置きを押してください。</translation>
        </message>
        <message>
            <source>Deliver home</source>
            <translation>自宅配送</translation>
        </message>
        <message>
            <source>The delivery address (street, town, postcode):</source>
            <translation>お届け先住所（番地・市区町村・郵便番号）:</translation>
        </message>
        <message>
            <source>Customer</source>
            <translation>お客様</translation>
        </message>
        <message>
            <source>The customer's name (as on their ID):</source>
            <translation>お客様のお名前（身分証明書の通り）:</translation>
        </message>
    </context>
    <context>
        <name>TenderPresenter</name>
        <message>
            <source>Cash rounding {sign}{amount} (the total is {total})</source>
            <translation>現金端数調整 {sign}{amount} (合計 {total})</translation>
        </message>
        <message>
            <source>Saving the sale…</source>
            <translation>販売を保存しています…</translation>
        </message>
        <message>
            <source>Card payments are off on this till. Take cash.</source>
            <translation>このレジではカード決済が無効です。現金で受けてください。</translation>
        </message>
        <message>
            <source>Void the sale</source>
            <translation>販売を取消</translation>
        </message>
        <message>
            <source>{amount} is already paid by card. Voiding the sale refunds it to the card. Go ahead?</source>
            <translation>{amount} はカードで支払済みです。販売を取消すとカードに返金されます。続けますか?</translation>
        </message>
    </context>
    <context>
        <name>TillPage</name>
        <message>
            <source>Open the till</source>
            <translation>レジを開ける</translation>
        </message>
        <message>
            <source>Cash in</source>
            <translation>入金</translation>
        </message>
        <message>
            <source>Cash out</source>
            <translation>出金</translation>
        </message>
        <message>
            <source>Drop to safe</source>
            <translation>金庫へ移す</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>ノーセール</translation>
        </message>
        <message>
            <source>X report</source>
            <translation>Xレポート</translation>
        </message>
        <message>
            <source>Close (blind count)</source>
            <translation>締め (ブラインド計数)</translation>
        </message>
        <message>
            <source>Last Z report</source>
            <translation>最新のZレポート</translation>
        </message>
        <message>
            <source>Save PDF</source>
            <translation>PDFを保存</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>印刷</translation>
        </message>
    </context>
    <context>
        <name>TillPresenter</name>
        <message>
            <source>The till is closed. Open it with a counted float.</source>
            <translation>レジは締められています。数えた釣銭準備金で開けてください。</translation>
        </message>
        <message>
            <source>Open since {at} (session {session})</source>
            <translation>{at} から営業中 (セッション {session})</translation>
        </message>
        <message>
            <source>Opening count</source>
            <translation>開始時の計数</translation>
        </message>
        <message>
            <source>Count the float in the drawer, note by note and coin by coin.</source>
            <translation>ドロアの釣銭準備金を紙幣・硬貨ごとに数えてください。</translation>
        </message>
        <message>
            <source>That is not an amount.</source>
            <translation>金額ではありません。</translation>
        </message>
        <message>
            <source>Reason (kept with the movement):</source>
            <translation>理由 (入出金記録に保存):</translation>
        </message>
        <message>
            <source>Amount:</source>
            <translation>金額:</translation>
        </message>
        <message>
            <source>Cash in</source>
            <translation>入金</translation>
        </message>
        <message>
            <source>Cash out</source>
            <translation>出金</translation>
        </message>
        <message>
            <source>Drop to the safe</source>
            <translation>金庫へ移す</translation>
        </message>
        <message>
            <source>No sale</source>
            <translation>ノーセール</translation>
        </message>
        <message>
            <source>Why open the drawer? (logged)</source>
            <translation>ドロアを開ける理由は? (記録されます)</translation>
        </message>
        <message>
            <source>X report · session {session} · not closed</source>
            <translation>Xレポート · セッション {session} · 未締め</translation>
        </message>
        <message>
            <source>Sales by hour</source>
            <translation>時間帯別売上</translation>
        </message>
        <message>
            <source>X report: the session so far. Nothing was closed.</source>
            <translation>Xレポート: 現在までのセッション。何も締められていません。</translation>
        </message>
        <message>
            <source>Blind count</source>
            <translation>ブラインド計数</translation>
        </message>
        <message>
            <source>Count the drawer. The expected amount is shown after the count.</source>
            <translation>ドロアを数えてください。予定額は計数後に表示されます。</translation>
        </message>
        <message>
            <source>Counted</source>
            <translation>計数額</translation>
        </message>
        <message>
            <source>Expected</source>
            <translation>予定額</translation>
        </message>
        <message>
            <source>Over (+) / short (−)</source>
            <translation>過剰 (+) / 不足 (−)</translation>
        </message>
        <message>
            <source>Exactly as expected.</source>
            <translation>予定額どおりです。</translation>
        </message>
        <message>
            <source>Above {limit}: a manager approves the difference.</source>
            <translation>{limit} 超: 責任者が差額を承認します。</translation>
        </message>
        <message>
            <source>Say why, and close.</source>
            <translation>理由を入力して締めてください。</translation>
        </message>
        <message>
            <source>No closed session yet.</source>
            <translation>締められたセッションはまだありません。</translation>
        </message>
        <message>
            <source>Show a Z report first.</source>
            <translation>先にZレポートを表示してください。</translation>
        </message>
        <message>
            <source>Save the Z report</source>
            <translation>Zレポートを保存</translation>
        </message>
        <message>
            <source>Saved: {path}</source>
            <translation>保存しました: {path}</translation>
        </message>
    </context>
    <context>
        <name>TotalsPanel</name>
        <message>
            <source>Subtotal</source>
            <translation>小計</translation>
        </message>
        <message>
            <source>Discounts</source>
            <translation>値引き</translation>
        </message>
        <message>
            <source>Paid</source>
            <translation>支払済</translation>
        </message>
        <message>
            <source>Still to pay</source>
            <translation>残額</translation>
        </message>
        <message>
            <source>1 item</source>
            <translation>1点</translation>
        </message>
        <message numerus="yes">
            <source>%n items</source>
            <translation>
                <numerusform>%n点</numerusform>
            </translation>
        </message>
        <message>
            <source>Total {amount}</source>
            <translation>合計 {amount}</translation>
        </message>
        <message>
            <source>Total —</source>
            <translation>合計 —</translation>
        </message>
    </context>
    <context>
        <name>WorkspaceHost</name>
        <message>
            <source>{title}  Alt+{n}</source>
            <translation>{title}  Alt+{n}</translation>
        </message>
    </context>
</TS>
