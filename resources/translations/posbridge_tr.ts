<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="tr_TR" sourcelanguage="en_US">
<context>
    <name>AcceptDialog</name>
    <message>
        <source>Accept order {number}</source>
        <translation>Siparişi onayla: {number}</translation>
    </message>
    <message>
        <source>How many minutes until it is ready?</source>
        <translation>Kaç dakikada hazır olur?</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} dk</translation>
    </message>
    <message>
        <source>Other time:</source>
        <translation>Başka süre:</translation>
    </message>
    <message>
        <source> min</source>
        <translation> dk</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Onayla</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Geri</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel order {number}</source>
        <translation>Siparişi iptal et: {number}</translation>
    </message>
    <message>
        <source>Cancel order {number}?</source>
        <translation>{number} numaralı sipariş iptal edilsin mi?</translation>
    </message>
    <message>
        <source>Why? The platform asks for a reason:</source>
        <translation>Neden? Platform bir iptal nedeni istiyor:</translation>
    </message>
    <message>
        <source>Back, keep the order</source>
        <translation>Geri dön, sipariş kalsın</translation>
    </message>
    <message>
        <source>Cancel the order</source>
        <translation>Siparişi iptal et</translation>
    </message>
</context>
<context>
    <name>Counter</name>
    <message>
        <source>it is already being sent to the platform.</source>
        <translation>zaten platforma gönderiliyor.</translation>
    </message>
    <message>
        <source>the order&apos;s current state does not allow it.</source>
        <translation>siparişin şu anki durumu buna izin vermiyor.</translation>
    </message>
    <message>
        <source>this order is no longer in the database.</source>
        <translation>bu sipariş artık veritabanında yok.</translation>
    </message>
    <message>
        <source>the request was incomplete; please report this to support.</source>
        <translation>istek eksikti; lütfen bunu desteğe bildirin.</translation>
    </message>
    <message>
        <source>POS Bridge&apos;s order service is restarting; try again in a moment.</source>
        <translation>POS Bridge&apos;in sipariş servisi yeniden başlatılıyor; birazdan tekrar deneyin.</translation>
    </message>
    <message>
        <source>this platform account is not connected; check its credentials.</source>
        <translation>bu platform hesabı bağlı değil; giriş bilgilerini kontrol edin.</translation>
    </message>
    <message>
        <source>it could not be queued.</source>
        <translation>sıraya alınamadı.</translation>
    </message>
    <message>
        <source>Something went wrong ({task}): {error}. Details are in the log file.</source>
        <translation>Bir şeyler ters gitti ({task}): {error}. Ayrıntılar kayıt dosyasında.</translation>
    </message>
    <message>
        <source>Order {number}: the platform did not get our acknowledgement</source>
        <translation>Sipariş {number}: platform alındı bilgimizi almadı</translation>
    </message>
    <message>
        <source>Order {number}: {action} FAILED</source>
        <translation>Sipariş {number}: {action} BAŞARISIZ</translation>
    </message>
    <message>
        <source>The platform said: {answer}</source>
        <translation>Platformun yanıtı: {answer}</translation>
    </message>
    <message>
        <source>{account}: POS Bridge&apos;s order service stopped at {time} and was started again by itself. No order was lost.</source>
        <translation>{account}: POS Bridge&apos;in sipariş servisi {time} saatinde durdu ve kendiliğinden yeniden başladı. Hiçbir sipariş kaybolmadı.</translation>
    </message>
    <message>
        <source>New order {number}</source>
        <translation>Yeni sipariş {number}</translation>
    </message>
    <message numerus="yes">
        <source>%n new orders</source>
        <translation>
            <numerusform>%n yeni sipariş</numerusform>
        </translation>
    </message>
    <message>
        <source>Order {number} was CANCELLED</source>
        <translation>Sipariş {number} İPTAL EDİLDİ</translation>
    </message>
    <message>
        <source>Stop preparing it, then confirm in POS Bridge that you saw it.</source>
        <translation>Hazırlamayı bırakın, sonra POS Bridge&apos;de gördüğünüzü onaylayın.</translation>
    </message>
    <message>
        <source>Order {number}: the customer asks to cancel</source>
        <translation>Sipariş {number}: müşteri iptal istiyor</translation>
    </message>
    <message>
        <source>{account}: an order could not be read</source>
        <translation>{account}: bir sipariş okunamadı</translation>
    </message>
    <message>
        <source>It was kept but NOT acknowledged. Open it under Problems.</source>
        <translation>Saklandı ama alındı bilgisi GÖNDERİLMEDİ. Sorunlar altında açın.</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) waiting to be opened</source>
        <translation>
            <numerusform>Açılmayı bekleyen %n sipariş</numerusform>
        </translation>
    </message>
    <message>
        <source>No unopened orders</source>
        <translation>Açılmamış sipariş yok</translation>
    </message>
    <message numerus="yes">
        <source>%n NEW ORDER(S): {numbers}. Tap to open.</source>
        <translation>
            <numerusform>%n YENİ SİPARİŞ: {numbers}. Açmak için dokunun.</numerusform>
        </translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Göster</translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) CANCELLED: {numbers}. Stop preparing, open and confirm.</source>
        <translation>
            <numerusform>%n sipariş İPTAL EDİLDİ: {numbers}. Hazırlamayı bırakın, açıp onaylayın.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n order(s) with a PROBLEM: {numbers}.</source>
        <translation>
            <numerusform>SORUNLU %n sipariş: {numbers}.</numerusform>
        </translation>
    </message>
    <message>
        <source>DEMO — these orders come from the built-in simulator, not from real customers.</source>
        <translation>DEMO — bu siparişler gerçek müşterilerden değil, yerleşik simülatörden geliyor.</translation>
    </message>
    <message>
        <source>Alert sounds are MUTED: new orders will not ring.</source>
        <translation>Uyarı sesleri KAPALI: yeni siparişler çalmayacak.</translation>
    </message>
    <message>
        <source>Unmute</source>
        <translation>Sesi aç</translation>
    </message>
    <message>
        <source>{account} is OFFLINE since {time}: new orders cannot arrive. Check the internet connection.</source>
        <translation>{account} {time} saatinden beri ÇEVRİMDIŞI: yeni sipariş gelemez. İnternet bağlantısını kontrol edin.</translation>
    </message>
    <message>
        <source>{account}: the platform refused the login. No orders arrive until the credentials are fixed.</source>
        <translation>{account}: platform girişi reddetti. Giriş bilgileri düzeltilene kadar sipariş gelmez.</translation>
    </message>
    <message>
        <source>{account}: POS Bridge&apos;s order service stopped and is being started again. Orders already received are safe.</source>
        <translation>{account}: POS Bridge&apos;in sipariş servisi durdu ve yeniden başlatılıyor. Gelmiş siparişler güvende.</translation>
    </message>
    <message>
        <source>{account}: POS Bridge has stopped checking for orders. Restart POS Bridge if this does not clear.</source>
        <translation>{account}: POS Bridge siparişleri kontrol etmeyi bıraktı. Düzelmezse POS Bridge&apos;i yeniden başlatın.</translation>
    </message>
    <message>
        <source>{account}: the platform answers with errors; orders may arrive late.</source>
        <translation>{account}: platform hatalarla yanıt veriyor; siparişler gecikebilir.</translation>
    </message>
    <message>
        <source>Not sent: {reason}</source>
        <translation>Gönderilmedi: {reason}</translation>
    </message>
    <message>
        <source>POS Bridge is still running</source>
        <translation>POS Bridge çalışmaya devam ediyor</translation>
    </message>
    <message>
        <source>Orders keep arriving. Quit from the tray menu.</source>
        <translation>Siparişler gelmeye devam ediyor. Çıkmak için sistem tepsisindeki menüyü kullanın.</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>Something went wrong inside POS Bridge: {error}. Orders keep being saved. The details are in the log file: {path}</source>
        <translation>POS Bridge içinde bir hata oluştu: {error}. Siparişler kaydedilmeye devam ediyor. Ayrıntılar kayıt dosyasında: {path}</translation>
    </message>
</context>
<context>
    <name>FirstRunWindow</name>
    <message>
        <source>POS Bridge — first start</source>
        <translation>POS Bridge — ilk açılış</translation>
    </message>
    <message>
        <source>Welcome to POS Bridge</source>
        <translation>POS Bridge&apos;e hoş geldiniz</translation>
    </message>
    <message>
        <source>The configuration cannot be used: {error}</source>
        <translation>Yapılandırma kullanılamıyor: {error}</translation>
    </message>
    <message>
        <source>There is no configuration yet, so POS Bridge does not know your accounts.</source>
        <translation>Henüz yapılandırma yok, bu yüzden POS Bridge hesaplarınızı bilmiyor.</translation>
    </message>
    <message>
        <source>Create the file {path} with one [[accounts]] block per platform account, like the example below, then start POS Bridge again. Secrets (tokens, passwords) stay in the system keyring, never in the file. To see POS Bridge work first, try the demo: it uses a built-in simulator and changes nothing on your PC.</source>
        <translation>{path} dosyasını, aşağıdaki örnekteki gibi her platform hesabı için bir [[accounts]] bloğuyla oluşturun ve POS Bridge&apos;i yeniden başlatın. Gizli bilgiler (token, şifre) dosyada değil, sistem anahtarlığında durur. Önce POS Bridge&apos;i çalışırken görmek için demoyu deneyin: yerleşik bir simülatör kullanır ve bilgisayarınızda hiçbir şeyi değiştirmez.</translation>
    </message>
    <message>
        <source>Try the demo</source>
        <translation>Demoyu dene</translation>
    </message>
    <message>
        <source>Open the folder</source>
        <translation>Klasörü aç</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Çık</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>NEW</source>
        <translation>YENİ</translation>
    </message>
    <message>
        <source>Preparing</source>
        <translation>Hazırlanıyor</translation>
    </message>
    <message>
        <source>On the way</source>
        <translation>Yolda</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Tamamlandı</translation>
    </message>
    <message>
        <source>Cancel requested</source>
        <translation>İptal isteniyor</translation>
    </message>
    <message>
        <source>CANCELLED</source>
        <translation>İPTAL</translation>
    </message>
    <message>
        <source>Check on platform</source>
        <translation>Platformda kontrol edin</translation>
    </message>
    <message>
        <source>Acknowledgement</source>
        <translation>Alındı bilgisi</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Onay</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Teslim</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>İptal</translation>
    </message>
    <message>
        <source>Allocate</source>
        <translation>Ayırma</translation>
    </message>
    <message>
        <source>Confirm cancellation</source>
        <translation>İptali onayla</translation>
    </message>
    <message>
        <source>Reject cancellation</source>
        <translation>İptali reddet</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Gönderiliyor…</translation>
    </message>
    <message>
        <source>Sent ✓</source>
        <translation>Gönderildi ✓</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>BAŞARISIZ</translation>
    </message>
    <message>
        <source>No longer needed</source>
        <translation>Artık gerekmiyor</translation>
    </message>
    <message>
        <source>{status} → {action}…</source>
        <translation>{status} → {action}…</translation>
    </message>
    <message>
        <source>{status} · {action} FAILED</source>
        <translation>{status} · {action} BAŞARISIZ</translation>
    </message>
    <message>
        <source>✓ Yes</source>
        <translation>✓ Evet</translation>
    </message>
    <message>
        <source>⚠ NO</source>
        <translation>⚠ HAYIR</translation>
    </message>
    <message>
        <source>{n} s</source>
        <translation>{n} sn</translation>
    </message>
    <message>
        <source>{n} min</source>
        <translation>{n} dk</translation>
    </message>
    <message>
        <source>{h} h {m:02d} min</source>
        <translation>{h} sa {m:02d} dk</translation>
    </message>
    <message>
        <source>{n} d</source>
        <translation>{n} gün</translation>
    </message>
    <message>
        <source>LATE {time}</source>
        <translation>GECİKTİ {time}</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Alındı</translation>
    </message>
    <message>
        <source>Status changed</source>
        <translation>Durum değişti</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Alındı bilgisi gönderildi</translation>
    </message>
    <message>
        <source>Cancellation seen by staff</source>
        <translation>İptal personel tarafından görüldü</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>Açıldı</translation>
    </message>
    <message>
        <source>{action} sent</source>
        <translation>{action} gönderildi</translation>
    </message>
    <message>
        <source>{action} failed</source>
        <translation>{action} başarısız</translation>
    </message>
    <message>
        <source>{action} requested</source>
        <translation>{action} istendi</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Adrese teslim</translation>
    </message>
    <message>
        <source>Pickup by the customer</source>
        <translation>Müşteri gelip alacak</translation>
    </message>
    <message>
        <source>Shipping</source>
        <translation>Kargo</translation>
    </message>
</context>
<context>
    <name>GuiApp</name>
    <message>
        <source>POS Bridge cannot start</source>
        <translation>POS Bridge başlatılamıyor</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Search: order number, customer, dish…</source>
        <translation>Ara: sipariş no, müşteri, yemek…</translation>
    </message>
    <message>
        <source>Volume</source>
        <translation>Ses</translation>
    </message>
    <message>
        <source>&amp;POS Bridge</source>
        <translation>&amp;POS Bridge</translation>
    </message>
    <message>
        <source>Hide to the tray</source>
        <translation>Sistem tepsisine gizle</translation>
    </message>
    <message>
        <source>Minimise</source>
        <translation>Simge durumuna küçült</translation>
    </message>
    <message>
        <source>&amp;Quit POS Bridge</source>
        <translation>POS Bridge&apos;den &amp;çık</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Görünüm</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Dil</translation>
    </message>
    <message>
        <source>&amp;Sound</source>
        <translation>&amp;Ses</translation>
    </message>
    <message>
        <source>Mute alert sounds</source>
        <translation>Uyarı seslerini kapat</translation>
    </message>
    <message>
        <source>Play the alert sounds (test)</source>
        <translation>Uyarı seslerini çal (deneme)</translation>
    </message>
    <message>
        <source>Sound: MUTED</source>
        <translation>Ses: KAPALI</translation>
    </message>
    <message>
        <source>Sound: on</source>
        <translation>Ses: açık</translation>
    </message>
    <message>
        <source>POS Bridge — orders</source>
        <translation>POS Bridge — siparişler</translation>
    </message>
    <message>
        <source>POS Bridge — DEMO</source>
        <translation>POS Bridge — DEMO</translation>
    </message>
    <message>
        <source>All ({n})</source>
        <translation>Tümü ({n})</translation>
    </message>
    <message>
        <source>Needs action ({n})</source>
        <translation>İşlem bekleyen ({n})</translation>
    </message>
    <message>
        <source>In progress ({n})</source>
        <translation>Hazırlanan ({n})</translation>
    </message>
    <message>
        <source>Done ({n})</source>
        <translation>Biten ({n})</translation>
    </message>
    <message>
        <source>Problems ({n})</source>
        <translation>Sorunlar ({n})</translation>
    </message>
</context>
<context>
    <name>OrderDetailPane</name>
    <message>
        <source>Tap an order in the list to see it here.</source>
        <translation>Burada görmek için listeden bir siparişe dokunun.</translation>
    </message>
    <message>
        <source>✓ Accept…</source>
        <translation>✓ Onayla…</translation>
    </message>
    <message>
        <source>✕ Cancel order…</source>
        <translation>✕ İptal et…</translation>
    </message>
    <message>
        <source>➜ On the way</source>
        <translation>➜ Yola çıktı</translation>
    </message>
    <message>
        <source>✓ Complete</source>
        <translation>✓ Teslim edildi</translation>
    </message>
    <message>
        <source>I have seen this cancellation</source>
        <translation>Bu iptali gördüm</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Sipariş</translation>
    </message>
    <message>
        <source>Sent to platform</source>
        <translation>Gönderilenler</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Geçmiş</translation>
    </message>
    <message>
        <source>Raw data</source>
        <translation>Ham veri</translation>
    </message>
    <message>
        <source>received {time} ({ago} ago)</source>
        <translation>alındı {time} ({ago} önce)</translation>
    </message>
    <message>
        <source>time left: {time}</source>
        <translation>kalan süre: {time}</translation>
    </message>
    <message>
        <source>This order was CANCELLED. Stop preparing it.</source>
        <translation>Bu sipariş İPTAL EDİLDİ. Hazırlamayı bırakın.</translation>
    </message>
    <message>
        <source>The customer asks to cancel this order.</source>
        <translation>Müşteri bu siparişin iptalini istiyor.</translation>
    </message>
    <message>
        <source>UNREADABLE</source>
        <translation>OKUNAMADI</translation>
    </message>
    <message>
        <source>{account} · first seen {time} · seen {n} times</source>
        <translation>{account} · ilk görülme {time} · {n} kez görüldü</translation>
    </message>
    <message>
        <source>The platform sent an order POS Bridge cannot read. It was kept but NOT acknowledged. Check it on the platform&apos;s own panel and call support. Reason: {reason}</source>
        <translation>Platform, POS Bridge&apos;in okuyamadığı bir sipariş gönderdi. Saklandı ama alındı bilgisi GÖNDERİLMEDİ. Siparişi platformun kendi panelinden kontrol edin ve destek hattını arayın. Neden: {reason}</translation>
    </message>
    <message>
        <source>The platform has not received our acknowledgement yet. It keeps trying. The platform said: {answer}</source>
        <translation>Platform alındı bilgimizi henüz almadı. Denemeye devam ediliyor. Platformun yanıtı: {answer}</translation>
    </message>
    <message>
        <source>{action} failed. The platform said: {answer}</source>
        <translation>{action} başarısız. Platformun yanıtı: {answer}</translation>
    </message>
    <message>
        <source>({n} min)</source>
        <translation>({n} dk)</translation>
    </message>
    <message>
        <source>(try {n})</source>
        <translation>({n}. deneme)</translation>
    </message>
    <message>
        <source>The platform said: {answer}</source>
        <translation>Platformun yanıtı: {answer}</translation>
    </message>
    <message>
        <source>The item list has a shape POS Bridge does not know: see Raw data.</source>
        <translation>Ürün listesinin biçimi POS Bridge için tanıdık değil: Ham veri sekmesine bakın.</translation>
    </message>
    <message>
        <source>Delivery fee</source>
        <translation>Teslimat ücreti</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>İndirim</translation>
    </message>
    <message>
        <source>Tip</source>
        <translation>Bahşiş</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Toplam</translation>
    </message>
    <message>
        <source>Note from the customer:</source>
        <translation>Müşteri notu:</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Müşteri</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Adres</translation>
    </message>
    <message>
        <source>Delivery</source>
        <translation>Teslimat</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>Ödeme</translation>
    </message>
    <message>
        <source>Placed</source>
        <translation>Sipariş zamanı</translation>
    </message>
    <message>
        <source>Platform status</source>
        <translation>Platformdaki durum</translation>
    </message>
    <message>
        <source>Platform key</source>
        <translation>Platform anahtarı</translation>
    </message>
    <message>
        <source>Nothing sent yet.</source>
        <translation>Henüz bir şey gönderilmedi.</translation>
    </message>
    <message>
        <source>platform</source>
        <translation>platform</translation>
    </message>
    <message>
        <source>staff</source>
        <translation>personel</translation>
    </message>
    <message>
        <source>POS Bridge</source>
        <translation>POS Bridge</translation>
    </message>
</context>
<context>
    <name>OrdersModel</name>
    <message>
        <source>Received</source>
        <translation>Geliş</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Platform</translation>
    </message>
    <message>
        <source>Order no.</source>
        <translation>Sipariş no</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>Müşteri</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>Ürünler</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tutar</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Durum</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>Bildirildi</translation>
    </message>
    <message>
        <source>Time left</source>
        <translation>Kalan süre</translation>
    </message>
    <message>
        <source>⚠ UNREADABLE</source>
        <translation>⚠ OKUNAMADI</translation>
    </message>
    <message>
        <source>Not acknowledged</source>
        <translation>Bildirilmedi</translation>
    </message>
</context>
<context>
    <name>QuitDialog</name>
    <message>
        <source>Quit POS Bridge?</source>
        <translation>POS Bridge kapatılsın mı?</translation>
    </message>
    <message>
        <source>While POS Bridge is closed, new orders are not received or acknowledged, and the platforms may cancel them.</source>
        <translation>POS Bridge kapalıyken yeni siparişler alınmaz ve alındı bilgisi gönderilmez; platformlar bu siparişleri iptal edebilir.</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Kapat</translation>
    </message>
    <message>
        <source>Keep running</source>
        <translation>Çalışmaya devam et</translation>
    </message>
</context>
<context>
    <name>Sound</name>
    <message>
        <source>Sound cannot play on this PC (the sound system is missing): order alerts are SILENT.</source>
        <translation>Bu bilgisayarda ses çalınamıyor (ses sistemi eksik): sipariş uyarıları SESSİZ.</translation>
    </message>
    <message>
        <source>No speakers or headphones found: order alerts are SILENT.</source>
        <translation>Hoparlör veya kulaklık bulunamadı: sipariş uyarıları SESSİZ.</translation>
    </message>
    <message>
        <source>The alert sounds cannot be played (audio error): order alerts are SILENT.</source>
        <translation>Uyarı sesleri çalınamıyor (ses hatası): sipariş uyarıları SESSİZ.</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>last poll {time}</source>
        <translation>son kontrol {time}</translation>
    </message>
    <message>
        <source>{ms} ms</source>
        <translation>{ms} ms</translation>
    </message>
    <message>
        <source>{name} · connecting…</source>
        <translation>{name} · bağlanıyor…</translation>
    </message>
    <message>
        <source>{name} · stopped</source>
        <translation>{name} · durduruldu</translation>
    </message>
    <message>
        <source>{name} · OFFLINE</source>
        <translation>{name} · ÇEVRİMDIŞI</translation>
    </message>
    <message>
        <source>{name} · LOGIN REFUSED</source>
        <translation>{name} · GİRİŞ REDDEDİLDİ</translation>
    </message>
    <message>
        <source>{name} · NOT POLLING</source>
        <translation>{name} · KONTROL EDİLMİYOR</translation>
    </message>
    <message>
        <source>{name} · RESTARTING</source>
        <translation>{name} · YENİDEN BAŞLIYOR</translation>
    </message>
    <message>
        <source>{name} · errors from the platform</source>
        <translation>{name} · platformdan hatalar</translation>
    </message>
    <message>
        <source>since {time} ({ago})</source>
        <translation>{time} saatinden beri ({ago})</translation>
    </message>
    <message>
        <source>last good poll {time}</source>
        <translation>son başarılı kontrol {time}</translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>Show the orders window</source>
        <translation>Sipariş penceresini göster</translation>
    </message>
    <message>
        <source>Mute alert sounds</source>
        <translation>Uyarı seslerini kapat</translation>
    </message>
    <message>
        <source>Quit POS Bridge</source>
        <translation>POS Bridge&apos;den çık</translation>
    </message>
    <message>
        <source>No unopened orders</source>
        <translation>Açılmamış sipariş yok</translation>
    </message>
</context>
</TS>
