// Sentences the simulator writes when a prompt asks for another language: plain, comma-free, one script each.

/** A few sentences and a title per langdetect code; enough for the language check to recognise the language. */
export interface LanguageBank {
  readonly title: string;
  readonly sentences: readonly string[];
}

const bank = (title: string, sentences: string): LanguageBank => ({ title, sentences: sentences.split(' | ') });

/** By langdetect code; a language missing here cannot be followed (the answer is English). */
export const LANGUAGE_BANKS: Readonly<Record<string, LanguageBank>> = {
  de: bank(
    'Ein kurzer Überblick',
    'Das ist ein sehr interessantes Thema. | Viele Menschen wollen mehr darüber wissen. | Die Idee ist einfach und klar. | Wir sehen das jeden Tag. | Es ist wichtig und wir denken in Ruhe darüber nach. | Eine gute Planung hilft sehr. | Danke für das Lesen dieser Antwort. | Hier ist eine kurze Zusammenfassung für dich.',
  ),
  fr: bank(
    'Un petit guide',
    "C'est un sujet très intéressant. | Beaucoup de gens veulent en savoir plus. | L'idée principale est simple et claire. | Nous le voyons tous les jours. | Il est important de réfléchir avec soin. | Un bon plan aide beaucoup. | Merci pour la lecture de cette réponse. | Voici un court résumé pour vous.",
  ),
  es: bank(
    'Una guía breve',
    'Este es un tema muy interesante. | Muchas personas quieren saber más sobre esto. | La idea principal es simple y clara. | Lo vemos todos los días. | Es importante pensar con cuidado. | Un buen plan ayuda mucho. | Gracias por leer esta respuesta. | Aquí está un breve resumen para ti.',
  ),
  it: bank(
    'Una breve guida',
    "Questo è un tema molto interessante. | Molte persone vogliono sapere di più. | L'idea principale è semplice e chiara. | Lo vediamo ogni giorno nella vita. | È importante pensare con calma. | Una buona pianificazione aiuta molto. | Grazie per la lettura di questa risposta. | Ecco un breve riassunto per te.",
  ),
  pt: bank(
    'Um guia breve',
    'Este é um tema muito interessante. | Muitas pessoas querem saber mais sobre isso. | A ideia principal é simples e clara. | Nós vemos isso todos os dias. | É importante pensar com calma. | Um bom planejamento ajuda muito. | Obrigado por ler esta resposta. | Aqui está um resumo curto para você.',
  ),
  nl: bank(
    'Een korte gids',
    'Dit is een heel interessant onderwerp. | Veel mensen willen er meer over weten. | Het idee is eenvoudig en duidelijk. | We zien dit elke dag. | Het is belangrijk om rustig na te denken. | Een goed plan helpt veel. | Bedankt voor het lezen van dit antwoord. | Hier is een korte samenvatting voor jou.',
  ),
  fi: bank(
    'Lyhyt opas',
    'Tämä on kiinnostava aihe. | Moni ihminen haluaa tietää siitä enemmän. | Pääajatus on yksinkertainen ja selvä. | Me näemme sen joka päivä. | On tärkeää ajatella rauhassa. | Hyvä suunnitelma auttaa paljon. | Kiitos että luit tämän vastauksen. | Tässä on lyhyt yhteenveto.',
  ),
  sw: bank(
    'Mwongozo mfupi',
    'Hii ni mada ya kuvutia sana. | Watu wengi wanataka kujua zaidi kuhusu hili. | Wazo kuu ni rahisi na wazi. | Tunaona hili kila siku. | Ni muhimu kufikiri kwa makini. | Mpango mzuri unasaidia sana. | Asante kwa kusoma jibu hili. | Huu ni muhtasari mfupi wa wazo hili.',
  ),
  vi: bank(
    'Hướng dẫn ngắn',
    'Đây là một chủ đề rất thú vị. | Nhiều người muốn biết thêm về điều này. | Ý chính rất đơn giản và rõ ràng. | Chúng ta thấy điều này mỗi ngày. | Điều quan trọng là suy nghĩ cẩn thận. | Một kế hoạch tốt sẽ giúp rất nhiều. | Cảm ơn bạn đã đọc câu trả lời này. | Đây là một bản tóm tắt ngắn.',
  ),
  pl: bank(
    'Krótki przewodnik',
    'To jest bardzo ciekawy temat. | Wielu ludzi chce wiedzieć o tym więcej. | Główna myśl jest prosta i jasna. | Widzimy to każdego dnia. | Ważne jest aby myśleć spokojnie. | Dobry plan bardzo pomaga. | Dziękuję za przeczytanie tej odpowiedzi. | Oto krótkie podsumowanie dla ciebie.',
  ),
  tr: bank(
    'Kısa bir rehber',
    'Bu çok ilginç bir konu. | Birçok insan bu konuda daha fazla bilgi istiyor. | Ana fikir basit ve açık. | Bunu her gün görüyoruz. | Dikkatli düşünmek çok önemli. | İyi bir plan çok yardımcı olur. | Bu cevabı okuduğunuz için teşekkürler. | İşte kısa bir özet.',
  ),
  ru: bank(
    'Краткое руководство',
    'Это очень интересная тема. | Многие люди хотят узнать об этом больше. | Главная идея проста и понятна. | Мы видим это каждый день. | Важно думать спокойно и внимательно. | Хороший план очень помогает. | Спасибо что вы прочитали этот ответ. | Вот краткое резюме для вас.',
  ),
  uk: bank(
    'Короткий посібник',
    'Це дуже цікава тема. | Багато людей хочуть дізнатися про це більше. | Головна ідея проста і зрозуміла. | Ми бачимо це кожного дня. | Важливо думати спокійно. | Добрий план дуже допомагає. | Дякую що ви прочитали цю відповідь. | Ось короткий підсумок для вас.',
  ),
  bg: bank(
    'Кратък пътеводител',
    'Това е много интересна тема. | Много хора искат да научат повече за това. | Основната идея е проста и ясна. | Ние виждаме това всеки ден. | Важно е да се мисли спокойно. | Добрият план ще помогне със съвет. | Благодаря че прочетохте този отговор. | Това е кратко резюме за всеки.',
  ),
  el: bank(
    'Ένας σύντομος οδηγός',
    'Αυτό είναι ένα πολύ ενδιαφέρον θέμα. | Πολλοί άνθρωποι θέλουν να μάθουν περισσότερα. | Η κύρια ιδέα είναι απλή και σαφής. | Το βλέπουμε κάθε μέρα. | Είναι σημαντικό να σκεφτόμαστε ήρεμα. | Ένα καλό σχέδιο βοηθά πολύ. | Ευχαριστώ που διαβάσατε αυτή την απάντηση. | Ακολουθεί μια σύντομη περίληψη.',
  ),
  he: bank(
    'מדריך קצר',
    'זה נושא מעניין מאוד. | אנשים רבים רוצים לדעת על זה יותר. | הרעיון המרכזי פשוט וברור. | אנחנו רואים את זה כל יום. | חשוב לחשוב בשקט. | תוכנית טובה עוזרת מאוד. | תודה שקראת את התשובה הזאת. | הנה סיכום קצר.',
  ),
  ar: bank(
    'دليل قصير',
    'هذا موضوع مثير جدا. | يريد كثير من الناس معرفة المزيد عن هذا. | الفكرة الرئيسية بسيطة وواضحة. | نرى هذا في كل يوم. | من المهم أن نفكر بهدوء. | الخطة الجيدة تساعد كثيرا. | شكرا لك على قراءة هذه الإجابة. | هذا ملخص قصير.',
  ),
  fa: bank(
    'راهنمای کوتاه',
    'این یک موضوع بسیار جالب است. | بسیاری از مردم می‌خواهند درباره آن بیشتر بدانند. | ایده اصلی ساده و روشن است. | ما این را هر روز می‌بینیم. | مهم است که با دقت فکر کنیم. | یک برنامه خوب به ما کمک می‌کند. | از اینکه این پاسخ را خواندید سپاسگزارم. | این یک خلاصه کوتاه است.',
  ),
  ur: bank(
    'مختصر رہنمائی',
    'یہ ایک بہت دلچسپ موضوع ہے۔ | بہت سے لوگ اس کے بارے میں مزید جاننا چاہتے ہیں۔ | بنیادی خیال سادہ اور واضح ہے۔ | ہم اسے ہر روز دیکھتے ہیں۔ | غور سے سوچنا بہت ضروری ہے۔ | اچھا منصوبہ بہت مدد کرتا ہے۔ | یہ جواب پڑھنے کا شکریہ۔ | یہ ایک مختصر خلاصہ ہے۔',
  ),
  hi: bank(
    'एक छोटी मार्गदर्शिका',
    'यह एक बहुत रोचक विषय है। | बहुत से लोग इसके बारे में और जानना चाहते हैं। | मुख्य विचार सरल और साफ है। | हम इसे हर दिन देखते हैं। | ध्यान से सोचना बहुत ज़रूरी है। | अच्छी योजना से बहुत मदद मिलती है। | यह उत्तर पढ़ने के लिए धन्यवाद। | यह एक छोटा सारांश है।',
  ),
  mr: bank(
    'एक छोटी माहिती',
    'हा एक खूप मनोरंजक विषय आहे. | अनेक लोकांना याबद्दल अधिक जाणून घ्यायचे आहे. | मुख्य कल्पना सोपी आणि स्पष्ट आहे. | आपण हे रोज पाहतो आणि शिकतो. | काळजीपूर्वक विचार करणे महत्त्वाचे आहे. | चांगली योजना खूप मदत करते. | हे उत्तर वाचल्याबद्दल धन्यवाद. | हा एक छोटा सारांश आहे.',
  ),
  ne: bank(
    'छोटो जानकारी',
    'यो एकदम रोचक विषय हो। | धेरै मानिसहरू यसको बारेमा थप जान्न चाहन्छन्। | मुख्य विचार सरल र स्पष्ट छ। | हामी यो हरेक दिन देख्छौं। | ध्यान दिएर सोच्नु पनि जरुरी छ। | राम्रो योजनाले धेरै मद्दत गर्छ। | यो उत्तर पढ्नु भएकोमा धन्यवाद। | यो एउटा छोटो सारांश हो।',
  ),
  bn: bank(
    'ছোট নির্দেশিকা',
    'এটি একটি খুব আকর্ষণীয় বিষয়। | অনেক মানুষ এ সম্পর্কে আরও জানতে চায়। | মূল ধারণাটি সহজ এবং পরিষ্কার। | আমরা এটি প্রতিদিন দেখি। | মনোযোগ দিয়ে ভাবা গুরুত্বপূর্ণ। | ভালো পরিকল্পনা অনেক সাহায্য করে। | এই উত্তরটি পড়ার জন্য ধন্যবাদ। | এটি একটি ছোট সারাংশ।',
  ),
  pa: bank(
    'ਛੋਟੀ ਗਾਈਡ',
    'ਇਹ ਬਹੁਤ ਦਿਲਚਸਪ ਵਿਸ਼ਾ ਹੈ. | ਬਹੁਤ ਸਾਰੇ ਲੋਕ ਇਸ ਬਾਰੇ ਹੋਰ ਜਾਣਨਾ ਚਾਹੁੰਦੇ ਹਨ. | ਮੁੱਖ ਵਿਚਾਰ ਸਰਲ ਅਤੇ ਸਪਸ਼ਟ ਹੈ. | ਅਸੀਂ ਇਹ ਹਰ ਰੋਜ਼ ਦੇਖਦੇ ਹਾਂ. | ਧਿਆਨ ਨਾਲ ਸੋਚਣਾ ਜ਼ਰੂਰੀ ਹੈ. | ਚੰਗੀ ਯੋਜਨਾ ਬਹੁਤ ਮਦਦ ਕਰਦੀ ਹੈ. | ਇਹ ਜਵਾਬ ਪੜ੍ਹਨ ਲਈ ਧੰਨਵਾਦ. | ਇਹ ਇੱਕ ਛੋਟਾ ਸਾਰ ਹੈ.',
  ),
  gu: bank(
    'ટૂંકી માર્ગદર્શિકા',
    'આ ખૂબ જ રસપ્રદ વિષય છે. | ઘણા લોકો આ વિશે વધુ જાણવા માંગે છે. | મુખ્ય વિચાર સરળ અને સ્પષ્ટ છે. | આપણે આ દરરોજ જોઈએ છીએ. | ધ્યાનથી વિચારવું મહત્વનું છે. | સારી યોજના ઘણી મદદ કરે છે. | આ જવાબ વાંચવા બદલ આભાર. | આ એક ટૂંકો સારાંશ છે.',
  ),
  kn: bank(
    'ಚಿಕ್ಕ ಮಾರ್ಗದರ್ಶಿ',
    'ಇದು ತುಂಬಾ ಆಸಕ್ತಿದಾಯಕ ವಿಷಯ. | ಅನೇಕ ಜನರು ಇದರ ಬಗ್ಗೆ ಇನ್ನಷ್ಟು ತಿಳಿಯಲು ಬಯಸುತ್ತಾರೆ. | ಮುಖ್ಯ ಕಲ್ಪನೆ ಸರಳ ಮತ್ತು ಸ್ಪಷ್ಟವಾಗಿದೆ. | ನಾವು ಇದನ್ನು ಪ್ರತಿದಿನ ನೋಡುತ್ತೇವೆ. | ಎಚ್ಚರಿಕೆಯಿಂದ ಯೋಚಿಸುವುದು ಮುಖ್ಯ. | ಒಳ್ಳೆಯ ಯೋಜನೆ ತುಂಬಾ ಸಹಾಯ ಮಾಡುತ್ತದೆ. | ಈ ಉತ್ತರವನ್ನು ಓದಿದ್ದಕ್ಕೆ ಧನ್ಯವಾದಗಳು. | ಇದು ಒಂದು ಚಿಕ್ಕ ಸಾರಾಂಶ.',
  ),
  ta: bank(
    'சிறிய வழிகாட்டி',
    'இது மிகவும் சுவாரஸ்யமான தலைப்பு. | பலர் இதைப் பற்றி மேலும் அறிய விரும்புகிறார்கள். | முக்கிய யோசனை எளிமையானது மற்றும் தெளிவானது. | நாம் இதை தினமும் பார்க்கிறோம். | கவனமாக சிந்திப்பது முக்கியம். | நல்ல திட்டம் மிகவும் உதவுகிறது. | இந்த பதிலைப் படித்ததற்கு நன்றி. | இது ஒரு சிறிய சுருக்கம்.',
  ),
  te: bank(
    'చిన్న మార్గదర్శి',
    'ఇది చాలా ఆసక్తికరమైన విషయం. | చాలా మంది దీని గురించి మరింత తెలుసుకోవాలనుకుంటున్నారు. | ముఖ్య ఆలోచన సరళంగా మరియు స్పష్టంగా ఉంది. | మనం దీన్ని ప్రతిరోజూ చూస్తాము. | జాగ్రత్తగా ఆలోచించడం ముఖ్యం. | మంచి ప్రణాళిక చాలా సహాయపడుతుంది. | ఈ సమాధానం చదివినందుకు ధన్యవాదాలు. | ఇది ఒక చిన్న సారాంశం.',
  ),
  ml: bank(
    'ചെറിയ വഴികാട്ടി',
    'ഇത് വളരെ രസകരമായ വിഷയമാണ്. | പലരും ഇതിനെക്കുറിച്ച് കൂടുതൽ അറിയാൻ ആഗ്രഹിക്കുന്നു. | പ്രധാന ആശയം ലളിതവും വ്യക്തവുമാണ്. | നാം ഇത് എല്ലാ ദിവസവും കാണുന്നു. | ശ്രദ്ധയോടെ ചിന്തിക്കുന്നത് പ്രധാനമാണ്. | നല്ല പദ്ധതി വളരെ സഹായിക്കുന്നു. | ഈ ഉത്തരം വായിച്ചതിന് നന്ദി. | ഇതൊരു ചെറിയ സംഗ്രഹമാണ്.',
  ),
  th: bank(
    'คู่มือสั้น',
    'นี่เป็นหัวข้อที่น่าสนใจมาก | หลายคนอยากรู้เรื่องนี้มากขึ้น | แนวคิดหลักเรียบง่ายและชัดเจน | เราเห็นสิ่งนี้ทุกวัน | การคิดอย่างรอบคอบเป็นเรื่องสำคัญ | แผนที่ดีช่วยได้มาก | ขอบคุณที่อ่านคำตอบนี้ | นี่คือบทสรุปสั้น',
  ),
  ko: bank(
    '짧은 안내',
    '이것은 매우 흥미로운 주제입니다. | 많은 사람들이 이에 대해 더 알고 싶어 합니다. | 핵심 아이디어는 간단하고 명확합니다. | 우리는 매일 이것을 봅니다. | 차분하게 생각하는 것이 중요합니다. | 좋은 계획은 큰 도움이 됩니다. | 이 답변을 읽어 주셔서 감사합니다. | 다음은 짧은 요약입니다.',
  ),
  ja: bank(
    '短いガイド',
    'これはとても面白いテーマです。 | 多くの人がもっと知りたいと思っています。 | 主な考えはシンプルでわかりやすいです。 | 私たちは毎日これを見ています。 | よく考えることが大切です。 | よい計画はとても役に立ちます。 | この回答を読んでくれてありがとう。 | これは短いまとめです。',
  ),
  'zh-cn': bank(
    '简短指南',
    '这是一个非常有趣的话题。 | 很多人想了解更多。 | 主要的想法简单而清楚。 | 我们每天都能看到这一点。 | 认真思考非常重要。 | 好的计划很有帮助。 | 感谢你阅读这个回答。 | 这是一个简短的总结。',
  ),
};
