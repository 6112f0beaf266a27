<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ActivationDialog</name>
    <message>
        <source>Activate a license or renewal</source>
        <extracomment>The placeholder: the vendor's example shape with valid check letters (it passes).</extracomment>
        <translation>Активация лицензии или продления</translation>
    </message>
    <message>
        <source>&amp;Device code:</source>
        <translation>&amp;Код устройства:</translation>
    </message>
    <message>
        <source>Cop&amp;y</source>
        <translation>Копи&amp;ровать</translation>
    </message>
    <message>
        <source>&amp;Use</source>
        <translation>&amp;Подставить</translation>
    </message>
    <message>
        <source>This PC's code:</source>
        <translation>Код этого ПК:</translation>
    </message>
    <message>
        <source>Activation &amp;code:</source>
        <translation>Код &amp;активации:</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>Акти&amp;вировать</translation>
    </message>
    <message>
        <source>Load license &amp;file...</source>
        <translation>Загрузить &amp;файл лицензии...</translation>
    </message>
    <message>
        <source>A device code looks like CP30-3210741300095-3210741300095.</source>
        <translation>Код устройства выглядит так: CP30-3210741300095-3210741300095.</translation>
    </message>
    <message>
        <source>New device: it will be added.</source>
        <translation>Новое устройство: оно будет добавлено.</translation>
    </message>
    <message>
        <source>Only letters; these cannot occur: %1</source>
        <translation>Только буквы; такие символы недопустимы: %1</translation>
    </message>
    <message>
        <source>There is a typo in group %1.</source>
        <translation>Опечатка в группе %1.</translation>
    </message>
    <message>
        <source>%1 of 24 letters</source>
        <translation>%1 из 24 букв</translation>
    </message>
    <message>
        <source>Well formed: %1</source>
        <translation>Код записан верно: %1</translation>
    </message>
    <message>
        <source>Wait %1 s</source>
        <translation>Подождите %1 с</translation>
    </message>
    <message>
        <source>Load license file</source>
        <translation>Загрузка файла лицензии</translation>
    </message>
    <message>
        <source>License file (*.json *.lic)</source>
        <translation>Файл лицензии (*.json *.lic)</translation>
    </message>
    <message>
        <source>This code is already active on %1.</source>
        <translation>Этот код уже активирован на %1.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Transferred&lt;/b&gt; %1 to %2; update subscription until &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>&lt;b&gt;Перенесено&lt;/b&gt; %1 на %2; подписка на обновления до &lt;b&gt;%3&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Renewed&lt;/b&gt; %1 on %2: the update subscription now ends on &lt;b&gt;%3&lt;/b&gt; (was %4).</source>
        <translation>&lt;b&gt;Продлено&lt;/b&gt;: %1 на %2; подписка на обновления теперь до &lt;b&gt;%3&lt;/b&gt; (было %4).</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) of the old subscription were forfeited.</source>
        <translation>
            <numerusform>Потерян %n день старой подписки.</numerusform>
            <numerusform>Потеряны %n дня старой подписки.</numerusform>
            <numerusform>Потеряно %n дней старой подписки.</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;Activated&lt;/b&gt; %1 on %2 for %3 months: update subscription until &lt;b&gt;%4&lt;/b&gt;.</source>
        <translation>&lt;b&gt;Активировано&lt;/b&gt; %1 на %2 на %3 мес.: подписка на обновления до &lt;b&gt;%4&lt;/b&gt;.</translation>
    </message>
</context>
<context>
    <name>Backups</name>
    <message>
        <source>Restore from backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Replace the database %1 with the backup %2?

The database as it is now is backed up first.</source>
        <translation>Заменить базу данных %1 резервной копией %2?

Текущее состояние базы сначала будет сохранено в резервную копию.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>The database was restored from %1.</source>
        <translation>База данных восстановлена из %1.</translation>
    </message>
    <message>
        <source>The database as it was is kept in %1.</source>
        <translation>Прежнее состояние базы сохранено в %1.</translation>
    </message>
    <message>
        <source>Restoring %1...</source>
        <translation>Восстановление из %1...</translation>
    </message>
    <message>
        <source>The database is damaged</source>
        <translation>База данных повреждена</translation>
    </message>
    <message>
        <source>No usable backup was found in %1.</source>
        <translation>В %1 не найдено пригодной резервной копии.</translation>
    </message>
    <message>
        <source>The last good backup is from %1. Restore it? The damaged database is kept as it is in the backup folder.</source>
        <translation>Последняя исправная резервная копия сделана %1. Восстановить её? Повреждённая база будет сохранена как есть в папке резервных копий.</translation>
    </message>
    <message>
        <source>&amp;Restore the backup</source>
        <translation>&amp;Восстановить копию</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выйти</translation>
    </message>
    <message>
        <source>The daily backup failed: %1</source>
        <translation>Ежедневная резервная копия не создана: %1</translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Show them</source>
        <translation>Показать</translation>
    </message>
    <message numerus="yes">
        <source>%n update subscription(s) have ended. Installing a newer release on those devices puts the product into demo mode; renew to keep receiving updates.</source>
        <translation>
            <numerusform>Закончилась %n подписка на обновления. Установка более новой версии на это устройство переведёт продукт в демо-режим; продлите подписку, чтобы получать обновления.</numerusform>
            <numerusform>Закончились %n подписки на обновления. Установка более новой версии на эти устройства переведёт продукт в демо-режим; продлите подписку, чтобы получать обновления.</numerusform>
            <numerusform>Закончились %n подписок на обновления. Установка более новой версии на эти устройства переведёт продукт в демо-режим; продлите подписку, чтобы получать обновления.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BasesView</name>
    <message>
        <source>Record &amp;installed version...</source>
        <translation>Отметить &amp;установленную версию...</translation>
    </message>
    <message>
        <source>&amp;Renew these licenses...</source>
        <translation>Продлить &amp;эти лицензии...</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>База</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Продукт</translation>
    </message>
    <message>
        <source>Installed version</source>
        <translation>Установленная версия</translation>
    </message>
    <message>
        <source>Platform</source>
        <translation>Платформа</translation>
    </message>
    <message>
        <source>Internet exchange</source>
        <translation>Обмен через Интернет</translation>
    </message>
    <message>
        <source>Devices</source>
        <translation>Устройства</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>No bases are recorded yet. Bases, their devices and licenses come with an import of a License Desk export (File, Import data...).</source>
        <translation>Баз пока нет. Базы с их устройствами и лицензиями появляются при импорте выгрузки License Desk (Файл, Импорт данных...).</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Own notice</source>
        <translation>Своё оповещение</translation>
    </message>
    <message>
        <source>Client / server</source>
        <translation>Клиент / сервер</translation>
    </message>
    <message>
        <source>Select a base to see its devices.</source>
        <translation>Выберите базу, чтобы увидеть её устройства.</translation>
    </message>
    <message>
        <source>No devices work with this base.</source>
        <translation>С этой базой не работает ни одно устройство.</translation>
    </message>
    <message>
        <source>Updates and the demo-mode guard</source>
        <translation>Обновления и защита от демо-режима</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Версия</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>No releases of %1 are known yet; load its update feed first (Load releases...).</source>
        <translation>Версии %1 пока неизвестны; сначала загрузите ленту обновлений (Загрузить версии...).</translation>
    </message>
    <message numerus="yes">
        <source>%n new release(s) of %1 loaded: %2. Nothing was installed.</source>
        <translation>
            <numerusform>Загружена %n новая версия %1: %2. Ничего не установлено.</numerusform>
            <numerusform>Загружены %n новые версии %1: %2. Ничего не установлено.</numerusform>
            <numerusform>Загружено %n новых версий %1: %2. Ничего не установлено.</numerusform>
        </translation>
    </message>
    <message>
        <source>The feed has no release of %1 that was not known already.</source>
        <translation>В ленте нет версий %1, которые не были бы уже известны.</translation>
    </message>
    <message>
        <source>Renewal cost</source>
        <translation>Стоимость продления</translation>
    </message>
    <message>
        <source>Loa&amp;d releases...</source>
        <extracomment>"While the app runs it checks the configured feed every 4 hours". A base in demo mode looks like an ended license; one whose subscription ends soon like an expiring one. The license table should show exactly these licenses. New releases were found in the configured feed (versions, for the status bar). The renewal dialog should quote these licenses. A reload finished (tests and the window wait on it).</extracomment>
        <translation>За&amp;грузить версии...</translation>
    </message>
    <message>
        <source>Check &amp;now</source>
        <translation>Проверить сейч&amp;ас</translation>
    </message>
    <message>
        <source>Show lic&amp;enses</source>
        <translation>Показать л&amp;ицензии</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message numerus="yes">
        <source>%n device(s): %1</source>
        <translation>
            <numerusform>%n устройство: %1</numerusform>
            <numerusform>%n устройства: %1</numerusform>
            <numerusform>%n устройств: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n license(s)</source>
        <translation>
            <numerusform>%n лицензия</numerusform>
            <numerusform>%n лицензии</numerusform>
            <numerusform>%n лицензий</numerusform>
        </translation>
    </message>
    <message>
        <source>Select a base to see which releases it may install.</source>
        <translation>Выберите базу, чтобы увидеть, какие версии на неё можно установить.</translation>
    </message>
    <message>
        <source>No releases of %1 are known yet. Load its update feed with “Load releases...”; “Check now” reads it again later.</source>
        <translation>Версии %1 пока неизвестны. Загрузите ленту обновлений кнопкой «Загрузить версии...»; «Проверить сейчас» перечитает её позже.</translation>
    </message>
    <message>
        <source>No release is newer than the installed one.</source>
        <translation>Версий новее установленной нет.</translation>
    </message>
    <message>
        <source>Demo: Магазин 15 with Internet exchange and an expired subscription</source>
        <translation>Демо-режим: «Магазин 15» с обменом через Интернет и истекшей подпиской</translation>
    </message>
    <message numerus="yes">
        <source>Demo: version %1 was released after the subscription of %n device(s) ended</source>
        <translation>
            <numerusform>Демо-режим: версия %1 вышла после окончания подписки %n устройства</numerusform>
            <numerusform>Демо-режим: версия %1 вышла после окончания подписки %n устройств</numerusform>
            <numerusform>Демо-режим: версия %1 вышла после окончания подписки %n устройств</numerusform>
        </translation>
    </message>
    <message>
        <source>Working; a subscription ends today</source>
        <translation>Работает; подписка заканчивается сегодня</translation>
    </message>
    <message numerus="yes">
        <source>Working; a subscription ends in %n day(s)</source>
        <translation>
            <numerusform>Работает; подписка закончится через %n день</numerusform>
            <numerusform>Работает; подписка закончится через %n дня</numerusform>
            <numerusform>Работает; подписка закончится через %n дней</numerusform>
        </translation>
    </message>
    <message>
        <source>No licensed devices</source>
        <translation>Нет лицензированных устройств</translation>
    </message>
    <message>
        <source>Working</source>
        <translation>Работает</translation>
    </message>
    <message>
        <source>compatible</source>
        <translation>совместимы</translation>
    </message>
    <message>
        <source>Devices into demo</source>
        <translation>Устройства в демо-режим</translation>
    </message>
    <message>
        <source>client newer: works, warns</source>
        <translation>клиент новее: работает с предупреждением</translation>
    </message>
    <message>
        <source>client older: refuses to work</source>
        <translation>клиент старше: работать не будет</translation>
    </message>
    <message>
        <source>no (platform older than 3.2)</source>
        <translation>нет (платформа старше 3.2)</translation>
    </message>
    <message>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>Installed &lt;b&gt;%1&lt;/b&gt;; newest release &lt;b&gt;%2&lt;/b&gt;; newest without demo mode &lt;b&gt;%3&lt;/b&gt;.</source>
        <translation>Установлена &lt;b&gt;%1&lt;/b&gt;; новейшая версия &lt;b&gt;%2&lt;/b&gt;; новейшая без демо-режима &lt;b&gt;%3&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>none: safe to install</source>
        <translation>нет: можно устанавливать</translation>
    </message>
    <message>
        <source>Record installed version</source>
        <translation>Отметить установленную версию</translation>
    </message>
    <message>
        <source>Version installed on %1:</source>
        <translation>Версия, установленная в базе %1:</translation>
    </message>
    <message numerus="yes">
        <source>Version %1 was released after the update subscription of %n device(s) ended: %2. Installed, it runs them in demo mode. Renew the subscriptions first, or install anyway.</source>
        <translation>
            <numerusform>Версия %1 вышла после окончания подписки на обновления у %n устройства: %2. После установки оно будет работать в демо-режиме. Сначала продлите подписку или всё равно установите.</numerusform>
            <numerusform>Версия %1 вышла после окончания подписки на обновления у %n устройств: %2. После установки они будут работать в демо-режиме. Сначала продлите подписки или всё равно установите.</numerusform>
            <numerusform>Версия %1 вышла после окончания подписки на обновления у %n устройств: %2. После установки они будут работать в демо-режиме. Сначала продлите подписки или всё равно установите.</numerusform>
        </translation>
    </message>
    <message>
        <source>Demo mode ahead</source>
        <translation>Впереди демо-режим</translation>
    </message>
    <message>
        <source>&amp;Install anyway</source>
        <translation>&amp;Всё равно установить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Load releases</source>
        <translation>Загрузка версий</translation>
    </message>
    <message>
        <source>Update feed (versions.xml *.zip)</source>
        <translation>Лента обновлений (versions.xml *.zip)</translation>
    </message>
</context>
<context>
    <name>Crash</name>
    <message>
        <source>the log</source>
        <translation>журнал</translation>
    </message>
    <message>
        <source>License Desk met an unexpected error (%1).

A report was written to %2 (it holds no passwords). Nothing half-done was saved: you can keep working, or quit. Please send the details to your support.</source>
        <translation>В License Desk произошла непредвиденная ошибка (%1).

Отчёт записан в %2 (паролей в нём нет). Незавершённые изменения не сохранены: можно продолжить работу или выйти. Пожалуйста, отправьте подробности в службу поддержки.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>Непредвиденная ошибка</translation>
    </message>
</context>
<context>
    <name>DueListModel</name>
    <message>
        <source>Loading...</source>
        <translation>Загрузка...</translation>
    </message>
    <message>
        <source>(not available)</source>
        <translation>(недоступно)</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>{field}: '{value}' is not a date; use YYYY-MM-DD.</source>
        <translation>{field}: «{value}» — не дата; укажите ГГГГ-ММ-ДД.</translation>
    </message>
    <message>
        <source>The warning threshold must be between 0 and 366 days (got {value}).</source>
        <translation>Порог предупреждения должен быть от 0 до 366 дней (указано {value}).</translation>
    </message>
    <message>
        <source>Warning stages must be days between 0 and 366, e.g. 30,14,1 (got {value}).</source>
        <translation>Этапы предупреждений — дни от 0 до 366, например 30,14,1 (указано {value}).</translation>
    </message>
    <message>
        <source>'{value}' is neither a file path nor a database URL.</source>
        <translation>«{value}» — не путь к файлу и не адрес базы данных.</translation>
    </message>
    <message>
        <source>'{value}' is a folder; give the path of a database file.</source>
        <translation>«{value}» — это папка; укажите путь к файлу базы данных.</translation>
    </message>
    <message>
        <source>Cannot open the database {url}: {reason}</source>
        <translation>Не удалось открыть базу данных {url}: {reason}</translation>
    </message>
    <message>
        <source>This database was written by a newer License Desk (schema {revision}). Update License Desk to open it.</source>
        <translation>Эта база создана более новой версией License Desk (схема {revision}). Обновите License Desk, чтобы открыть её.</translation>
    </message>
    <message>
        <source>The database already holds data; demo data goes only into an empty one.</source>
        <translation>В базе уже есть данные; демо-данные загружаются только в пустую базу.</translation>
    </message>
    <message>
        <source>Unknown currency {currency}.</source>
        <translation>Неизвестная валюта {currency}.</translation>
    </message>
    <message>
        <source>Cannot add amounts in {left} and {right}.</source>
        <translation>Нельзя складывать суммы в {left} и {right}.</translation>
    </message>
    <message>
        <source>'{value}' is not a version number like 15.3.</source>
        <translation>«{value}» — не номер версии вида 15.3.</translation>
    </message>
    <message>
        <source>The file was not imported; nothing was written. Fix these entries:</source>
        <translation>Файл не импортирован, ничего не записано. Исправьте эти записи:</translation>
    </message>
    <message>
        <source>The file is not valid JSON (line {line}, column {column}).</source>
        <translation>Файл не является корректным JSON (строка {line}, столбец {column}).</translation>
    </message>
    <message>
        <source>The file is not a License Desk export (no "format": "licdesk-dataset").</source>
        <translation>Файл не является выгрузкой License Desk (нет "format": "licdesk-dataset").</translation>
    </message>
    <message>
        <source>The export format version {version} is not supported.</source>
        <translation>Версия формата выгрузки {version} не поддерживается.</translation>
    </message>
    <message>
        <source>The CSV file lacks the columns: {missing}.</source>
        <translation>В CSV-файле нет столбцов: {missing}.</translation>
    </message>
    <message>
        <source>Cannot read {path}: {reason}</source>
        <translation>Не удалось прочитать {path}: {reason}</translation>
    </message>
    <message>
        <source>{path} is not UTF-8 text.</source>
        <translation>{path} — не текст в кодировке UTF-8.</translation>
    </message>
    <message>
        <source>Cannot write {path}: {reason}</source>
        <translation>Не удалось записать {path}: {reason}</translation>
    </message>
    <message>
        <source>There is no license with id {license_id}.</source>
        <translation>Лицензии с номером {license_id} нет.</translation>
    </message>
    <message>
        <source>There is no list price for {sku} on {day}; add one to the price list.</source>
        <translation>Для {sku} нет цены на {day}; добавьте её в прайс-лист.</translation>
    </message>
    <message>
        <source>License {license_id} is not bound to a device; activate it before renewing.</source>
        <translation>Лицензия {license_id} не привязана к устройству; активируйте её перед продлением.</translation>
    </message>
    <message>
        <source>License {license_id} has no warranty end date to renew from.</source>
        <translation>У лицензии {license_id} нет даты окончания гарантии для продления.</translation>
    </message>
    <message>
        <source>Months must be between 1 and 60 (got {value}).</source>
        <translation>Число месяцев — от 1 до 60 (указано {value}).</translation>
    </message>
    <message>
        <source>Tick at least one line to make an order.</source>
        <translation>Отметьте хотя бы одну строку, чтобы создать заказ.</translation>
    </message>
    <message>
        <source>There is no order {order_id}.</source>
        <translation>Заказа {order_id} нет.</translation>
    </message>
    <message>
        <source>Order {order_id} is {old}; it cannot become {new}.</source>
        <translation>Заказ {order_id} в состоянии {old}; перевести его в {new} нельзя.</translation>
    </message>
    <message>
        <source>There is no base with id {base_id}.</source>
        <translation>Базы с номером {base_id} нет.</translation>
    </message>
    <message>
        <source>Version {version} is not in the release catalogue of {sku}; load its feed.</source>
        <translation>Версии {version} нет в каталоге выпусков {sku}; загрузите ленту обновлений.</translation>
    </message>
    <message>
        <source>Installing {version} of {product} puts these into demo mode: {licenses}. Their update subscriptions ended before that version came out. Renew them first, or install anyway.</source>
        <translation>Установка версии {version} продукта {product} переведёт в демо-режим: {licenses}. Их подписка на обновления закончилась до выхода этой версии. Сначала продлите её или всё равно установите.</translation>
    </message>
    <message>
        <source>{path} is neither a folder nor a .zip file.</source>
        <translation>{path} — не папка и не .zip-файл.</translation>
    </message>
    <message>
        <source>{path} is not a readable .zip file.</source>
        <translation>{path} — не читаемый .zip-файл.</translation>
    </message>
    <message>
        <source>{path} has no versions.xml.</source>
        <translation>В {path} нет versions.xml.</translation>
    </message>
    <message>
        <source>{item} is not valid XML: {reason}</source>
        <translation>{item} — некорректный XML: {reason}</translation>
    </message>
    <message>
        <source>The feed does not name its product; give the product SKU.</source>
        <translation>В ленте не указан продукт; укажите артикул продукта.</translation>
    </message>
    <message>
        <source>The feed in {path} lists no releases.</source>
        <translation>Лента {path} не содержит версий.</translation>
    </message>
    <message>
        <source>The feed was not loaded; nothing was written. Fix these entries:</source>
        <translation>Лента не загружена, ничего не записано. Исправьте эти записи:</translation>
    </message>
    <message>
        <source>There is no product with SKU {sku}.</source>
        <translation>Продукта с артикулом {sku} нет.</translation>
    </message>
    <message>
        <source>The OS keyring is not usable ({reason}). Licenses can be viewed, but activation needs a keyring (Secret Service, KWallet, Keychain or Credential Locker).</source>
        <translation>Хранилище ключей ОС недоступно ({reason}). Лицензии можно просматривать, но для активации нужно хранилище ключей (Secret Service, KWallet, Keychain или диспетчер учётных данных).</translation>
    </message>
    <message>
        <source>That is not an activation code.</source>
        <translation>Это не код активации.</translation>
    </message>
    <message>
        <source>Activation codes contain only letters (not I, O or U); found: {letters}.</source>
        <translation>Код активации состоит только из букв (кроме I, O и U); найдено: {letters}.</translation>
    </message>
    <message>
        <source>An activation code has 24 letters in groups of 5-4-5-5-5.</source>
        <translation>Код активации — 24 буквы в группах 5-4-5-5-5.</translation>
    </message>
    <message>
        <source>There is a typo in group {groups} of the activation code.</source>
        <translation>Опечатка в группе {groups} кода активации.</translation>
    </message>
    <message>
        <source>This activation code is unknown. Check it against the e-mail.</source>
        <translation>Такой код активации неизвестен. Сверьте его с письмом.</translation>
    </message>
    <message>
        <source>This code was already used on device {device} on {date}.</source>
        <translation>Этот код уже использован на устройстве {device} {date}.</translation>
    </message>
    <message>
        <source>Too many wrong codes. Wait {seconds} seconds before trying again.</source>
        <translation>Слишком много неверных кодов. Подождите {seconds} с перед новой попыткой.</translation>
    </message>
    <message>
        <source>This code is for {sku}, but the device holds licenses for {held}.</source>
        <translation>Этот код для {sku}, а на устройстве лицензии на {held}.</translation>
    </message>
    <message>
        <source>This is a renewal code, but device {device} has no license to renew. Activate a license first.</source>
        <translation>Это код продления, но на устройстве {device} нет лицензии для продления. Сначала активируйте лицензию.</translation>
    </message>
    <message>
        <source>'{value}' is not a device code like CP30-3210741300095-3210741300095.</source>
        <translation>«{value}» — не код устройства вида CP30-3210741300095-3210741300095.</translation>
    </message>
    <message>
        <source>Unknown code kind {kind}.</source>
        <translation>Неизвестный вид кода {kind}.</translation>
    </message>
    <message>
        <source>License {license_id} is not bound to a device.</source>
        <translation>Лицензия {license_id} не привязана к устройству.</translation>
    </message>
    <message>
        <source>License {license_id} can be transferred only while its subscription runs (it ended on {end}). Renew it first.</source>
        <translation>Лицензию {license_id} можно перенести только при действующей подписке (она закончилась {end}). Сначала продлите её.</translation>
    </message>
    <message>
        <source>This is not a License Desk license file.</source>
        <translation>Это не файл лицензии License Desk.</translation>
    </message>
    <message>
        <source>The license file's signature does not verify: it was altered or not issued by a trusted authority.</source>
        <translation>Подпись файла лицензии не сходится: файл изменён или выдан не доверенным центром.</translation>
    </message>
    <message>
        <source>This license file was already loaded.</source>
        <translation>Этот файл лицензии уже загружен.</translation>
    </message>
    <message>
        <source>Months must be 1 to 60 and count 1 to 1000 (got {months}, {count}).</source>
        <translation>Месяцев — от 1 до 60, количество — от 1 до 1000 (указано {months}, {count}).</translation>
    </message>
    <message>
        <source>Device notice days must be between 0 and 366 (got {value}).</source>
        <translation>Срок уведомления на устройствах — от 0 до 366 дней (указано {value}).</translation>
    </message>
    <message>
        <source>No release feed is configured yet: load a feed once (Bases, Load releases).</source>
        <translation>Источник обновлений ещё не задан: один раз загрузите его (Базы → Загрузить выпуски).</translation>
    </message>
    <message>
        <source>Order {order_id}: the license of line {line} ({product}) is no longer bound to a device; nothing was fulfilled.</source>
        <translation>Заказ {order_id}: лицензия строки {line} ({product}) больше не привязана к устройству; ничего не выполнено.</translation>
    </message>
    <message>
        <source>The license is signed with a key this PC does not trust ({key_id}). An administrator installs the license authority's key (see About).</source>
        <translation>Лицензия подписана ключом, которому этот компьютер не доверяет ({key_id}). Ключ центра лицензирования устанавливает администратор (см. «О программе»).</translation>
    </message>
    <message>
        <source>This license was issued for another License Desk database, not this one.</source>
        <translation>Эта лицензия выдана для другой базы данных License Desk, а не для этой.</translation>
    </message>
    <message>
        <source>This license was issued for device {device}, not this one.</source>
        <translation>Эта лицензия выдана для устройства {device}, а не для этого.</translation>
    </message>
    <message>
        <source>The license authority {name} signs with a key this PC does not trust ({key_id}); nothing was sent. An administrator installs its key (see About).</source>
        <translation>Центр лицензирования «{name}» подписывает ключом, которому этот компьютер не доверяет ({key_id}); ничего не отправлено. Его ключ устанавливает администратор (см. «О программе»).</translation>
    </message>
    <message>
        <source>No license authority is set for this database. An administrator sets its address in Settings (or LICDESK_AUTHORITY_URL).</source>
        <translation>Для этой базы данных не задан центр лицензирования. Его адрес указывает администратор в настройках (или в LICDESK_AUTHORITY_URL).</translation>
    </message>
    <message>
        <source>'{value}' is not an http:// or https:// address of a license authority.</source>
        <translation>«{value}» — не адрес центра лицензирования вида http:// или https://.</translation>
    </message>
    <message>
        <source>This is a what-if view as of {day} (--today): nothing is written. Start License Desk without --today to change data.</source>
        <translation>Это просмотр «что если» на {day} (--today): ничего не записывается. Чтобы изменить данные, запустите License Desk без --today.</translation>
    </message>
    <message>
        <source>The database is open read-only: {reason}</source>
        <translation>База данных открыта только для чтения: {reason}</translation>
    </message>
    <message>
        <source>The system clock is behind the latest time this database has seen ({seen}): it was set back. Licenses are judged as of {day}.</source>
        <translation>Системные часы отстают от последнего времени, известного этой базе ({seen}): их перевели назад. Лицензии оцениваются на {day}.</translation>
    </message>
    <message>
        <source>License {license_id} was activated on {activated_on}; there is nothing to renew on {day}. Choose a later day.</source>
        <translation>Лицензия {license_id} активирована {activated_on}; на {day} продлевать ещё нечего. Выберите более позднюю дату.</translation>
    </message>
    <message>
        <source>The start of the current warranty period of license {license_id} is not known, so the modules charged in the update cannot be told apart. Enter the date from the registration certificate.</source>
        <translation>Начало текущего гарантийного периода лицензии {license_id} неизвестно, поэтому нельзя определить, какие модули оплачиваются в обновлении. Укажите дату из регистрационного сертификата.</translation>
    </message>
    <message>
        <source>A renewal now would end on {new_end}, before the current end {current_end} of license {license_id}. Renew later.</source>
        <translation>Продление сейчас закончилось бы {new_end}, раньше текущего окончания {current_end} лицензии {license_id}. Продлите позже.</translation>
    </message>
    <message>
        <source>The license authority at {url} cannot be reached: {reason}</source>
        <translation>Центр лицензирования по адресу {url} недоступен: {reason}</translation>
    </message>
    <message>
        <source>The license authority failed on this request; its log says why.</source>
        <translation>Центр лицензирования не смог обработать запрос; причина — в его журнале.</translation>
    </message>
    <message>
        <source>There is no license authority in {path}: run `licdesk-authority --data {path} init`.</source>
        <translation>В {path} нет центра лицензирования: выполните `licdesk-authority --data {path} init`.</translation>
    </message>
    <message>
        <source>There already is a license authority in {path}.</source>
        <translation>В {path} уже есть центр лицензирования.</translation>
    </message>
    <message>
        <source>Cannot read the authority's settings {path}: {reason}</source>
        <translation>Не удаётся прочитать настройки центра лицензирования {path}: {reason}</translation>
    </message>
    <message>
        <source>The license authority has no signing key in {path}.</source>
        <translation>У центра лицензирования нет ключа подписи в {path}.</translation>
    </message>
    <message>
        <source>Cannot read the authority's keys in {path}: {reason}</source>
        <translation>Не удаётся прочитать ключи центра лицензирования в {path}: {reason}</translation>
    </message>
    <message>
        <source>The authority's signing key {key_id} is missing from {where}.</source>
        <translation>Ключ подписи {key_id} центра лицензирования отсутствует в {where}.</translation>
    </message>
    <message>
        <source>The key file {path} may be read by other users (mode {mode}); it is not used until only its owner may read it (chmod 600).</source>
        <translation>Файл ключа {path} доступен другим пользователям (режим {mode}); он не используется, пока его может читать только владелец (chmod 600).</translation>
    </message>
    <message>
        <source>The OS keyring cannot hold the authority's key: {reason}</source>
        <translation>Хранилище паролей ОС не может сохранить ключ центра лицензирования: {reason}</translation>
    </message>
    <message>
        <source>The license authority refused the request: {field} {problem}.</source>
        <translation>Центр лицензирования отклонил запрос: {field} {problem}.</translation>
    </message>
    <message>
        <source>The request to the license authority is larger than {limit} bytes.</source>
        <translation>Запрос к центру лицензирования больше {limit} байт.</translation>
    </message>
    <message>
        <source>The license authority has no endpoint {path}.</source>
        <translation>У центра лицензирования нет адреса {path}.</translation>
    </message>
    <message>
        <source>The license authority's endpoint {path} does not take {method}.</source>
        <translation>Адрес {path} центра лицензирования не принимает {method}.</translation>
    </message>
    <message>
        <source>The license authority knows no license {serial} in this database.</source>
        <translation>Центр лицензирования не знает лицензию {serial} в этой базе данных.</translation>
    </message>
    <message>
        <source>License {serial} is not bound to device {device}.</source>
        <translation>Лицензия {serial} не привязана к устройству {device}.</translation>
    </message>
    <message>
        <source>The license is said to run until {end}, later than any renewal allows ({latest}); the license authority refuses to renew from that date.</source>
        <translation>Указано, что лицензия действует до {end} — позже, чем допускает любое продление ({latest}); центр лицензирования отказывается продлевать от этой даты.</translation>
    </message>
    <message>
        <source>This license authority neither fulfils orders nor signs demo data.</source>
        <translation>Этот центр лицензирования не выполняет заказы и не подписывает демонстрационные данные.</translation>
    </message>
    <message>
        <source>Order {order_ref} was already fulfilled with other lines.</source>
        <translation>Заказ {order_ref} уже выполнен с другими строками.</translation>
    </message>
    <message>
        <source>A code may be bound to 1 to {most} devices (got {devices}).</source>
        <translation>Код можно привязать к 1–{most} устройствам (указано {devices}).</translation>
    </message>
    <message>
        <source>Unknown product line {line}; use mobile-smarts or enova365.</source>
        <translation>Неизвестная линейка продуктов {line}; укажите mobile-smarts или enova365.</translation>
    </message>
    <message>
        <source>There already is a product with SKU {sku}.</source>
        <translation>Продукт с артикулом {sku} уже есть.</translation>
    </message>
    <message>
        <source>The license authority is busy; try again in a moment.</source>
        <translation>Центр лицензирования занят; повторите чуть позже.</translation>
    </message>
    <message>
        <source>The JSON file is larger than {limit_mb} MB; export large stores as CSV and import that.</source>
        <translation>Файл JSON больше {limit_mb} МБ; большие хранилища экспортируйте в CSV и импортируйте его.</translation>
    </message>
    <message>
        <source>The JSON file nests deeper than {depth} levels; it is not a License Desk export.</source>
        <translation>Вложенность файла JSON глубже {depth} уровней; это не экспорт License Desk.</translation>
    </message>
    <message>
        <source>The file is not UTF-8 text (row {row}); save it as CSV UTF-8.</source>
        <translation>Файл не в кодировке UTF-8 (строка {row}); сохраните его как CSV UTF-8.</translation>
    </message>
    <message>
        <source>The CSV file cannot be read at row {row}: {reason}</source>
        <translation>Не удаётся прочитать файл CSV в строке {row}: {reason}</translation>
    </message>
    <message>
        <source>Row {row} of the CSV file has {found} fields; the header has {expected}.</source>
        <translation>В строке {row} файла CSV полей: {found}, а в заголовке: {expected}.</translation>
    </message>
    <message>
        <source>{path} changed while it was being imported; nothing was written. Try again.</source>
        <translation>Файл {path} изменился во время импорта; ничего не записано. Повторите попытку.</translation>
    </message>
    <message>
        <source>{item} in the feed is too large (limit {limit}).</source>
        <translation>{item} в ленте слишком велик (предел {limit}).</translation>
    </message>
    <message>
        <source>{item} in the feed's .zip is encrypted; feeds must not be.</source>
        <translation>{item} в архиве .zip ленты зашифрован; ленты не должны быть зашифрованы.</translation>
    </message>
    <message>
        <source>{item} in the feed's .zip uses compression method {method}, which is not supported.</source>
        <translation>{item} в архиве .zip ленты сжат методом {method}, который не поддерживается.</translation>
    </message>
    <message>
        <source>{item} in the feed's .zip is damaged and cannot be read.</source>
        <translation>{item} в архиве .zip ленты повреждён и не читается.</translation>
    </message>
    <message>
        <source>{field}: {value} is outside the days License Desk works with ({earliest} to {latest}).</source>
        <translation>{field}: дата {value} вне диапазона, с которым работает License Desk (с {earliest} по {latest}).</translation>
    </message>
    <message>
        <source>The database address {url} has the port '{port}'; a port is a number from 1 to 65535.</source>
        <translation>В адресе базы данных {url} указан порт '{port}'; порт — это число от 1 до 65535.</translation>
    </message>
    <message>
        <source>An argument holds bytes that are not text in this system's encoding ({value}); type it again.</source>
        <translation>В аргументе есть байты, которые не являются текстом в кодировке этой системы ({value}); введите его заново.</translation>
    </message>
    <message>
        <source>Another program is writing to this database; try again in a moment.</source>
        <translation>Другая программа сейчас записывает в эту базу данных; повторите попытку чуть позже.</translation>
    </message>
    <message>
        <source>There is no License Desk database at {path}. Check the path; to create a new database there, run: licdesk --db {path} init</source>
        <translation>По пути {path} нет базы данных License Desk. Проверьте путь; чтобы создать там новую базу, выполните: licdesk --db {path} init</translation>
    </message>
    <message>
        <source>The database file {path} is read-only: you can look, but nothing can be changed. Make the file writable to change data.</source>
        <translation>Файл базы данных {path} доступен только для чтения: просматривать можно, изменять нельзя. Чтобы изменять данные, разрешите запись в файл.</translation>
    </message>
    <message>
        <source>The folder {folder} is read-only, and SQLite writes its journal beside the database: you can look, but nothing can be changed.</source>
        <translation>Папка {folder} доступна только для чтения, а SQLite ведёт журнал рядом с базой: просматривать можно, изменять нельзя.</translation>
    </message>
    <message>
        <source>The database {path} cannot be written ({reason}): you can look, but nothing can be changed.</source>
        <translation>В базу данных {path} нельзя записывать ({reason}): просматривать можно, изменять нельзя.</translation>
    </message>
    <message>
        <source>The database {path} is read-only and was made by an older License Desk; it must be upgraded, which writes to it. Make it writable and open it again.</source>
        <translation>База данных {path} доступна только для чтения и создана более старой версией License Desk; её нужно обновить, а для этого нужна запись. Разрешите запись и откройте её снова.</translation>
    </message>
    <message>
        <source>The database {path} is damaged ({detail}). Nothing was changed; restore a backup.</source>
        <translation>База данных {path} повреждена ({detail}). Ничего не изменено; восстановите резервную копию.</translation>
    </message>
    <message>
        <source>The disk is full: {path} cannot be written. Nothing was changed; free some space and try again.</source>
        <translation>Диск заполнен: записать {path} невозможно. Ничего не изменено; освободите место и повторите попытку.</translation>
    </message>
    <message>
        <source>The disk reported an error with {path}: {reason}</source>
        <translation>Диск сообщил об ошибке при работе с {path}: {reason}</translation>
    </message>
    <message>
        <source>Cannot write the backup {path}: {reason}. Nothing was changed.</source>
        <translation>Не удалось записать резервную копию {path}: {reason}. Ничего не изменено.</translation>
    </message>
    <message>
        <source>There is no backup file {path}.</source>
        <translation>Файла резервной копии {path} нет.</translation>
    </message>
    <message>
        <source>{path} is not a usable License Desk backup: {reason}. Nothing was changed.</source>
        <translation>{path} не является пригодной резервной копией License Desk: {reason}. Ничего не изменено.</translation>
    </message>
    <message>
        <source>Another program (perhaps License Desk in another window) has {path} open. Close it, then restore again. Nothing was changed.</source>
        <translation>Другая программа (возможно, License Desk в другом окне) держит {path} открытой. Закройте её и повторите восстановление. Ничего не изменено.</translation>
    </message>
    <message>
        <source>{count} other connection(s) to this database are open. Close License Desk on the other PCs, then restore again. Nothing was changed.</source>
        <translation>К этой базе данных открыто других подключений: {count}. Закройте License Desk на других компьютерах и повторите восстановление. Ничего не изменено.</translation>
    </message>
    <message>
        <source>A PostgreSQL database is backed up and restored with {tool} (PostgreSQL's client tools), which is not on this PC's PATH. Install the PostgreSQL client, or ask the server's administrator to use {tool}.</source>
        <translation>Резервное копирование и восстановление базы PostgreSQL выполняется программой {tool} (клиентские утилиты PostgreSQL), которой нет в PATH этого компьютера. Установите клиент PostgreSQL или попросите администратора сервера воспользоваться {tool}.</translation>
    </message>
    <message>
        <source>{tool} failed: {reason}</source>
        <translation>Ошибка {tool}: {reason}</translation>
    </message>
    <message>
        <source>This database has no backups.</source>
        <translation>У этой базы данных нет резервных копий.</translation>
    </message>
    <message>
        <source>The database is closed while a backup is restored; it opens again after.</source>
        <translation>База данных закрыта на время восстановления из резервной копии; затем она откроется снова.</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>не заполнено</translation>
    </message>
    <message>
        <source>'{value}' is not a date (YYYY-MM-DD)</source>
        <translation>«{value}» — не дата (ГГГГ-ММ-ДД)</translation>
    </message>
    <message>
        <source>'{value}' is not a valid positive number</source>
        <translation>«{value}» — не положительное число</translation>
    </message>
    <message>
        <source>'{value}' is not one of the allowed values</source>
        <translation>«{value}» — недопустимое значение</translation>
    </message>
    <message>
        <source>'{value}' is not text</source>
        <translation>«{value}» — не текст</translation>
    </message>
    <message>
        <source>'{value}' appears twice</source>
        <translation>«{value}» встречается дважды</translation>
    </message>
    <message>
        <source>no product with SKU '{value}'</source>
        <translation>нет продукта с артикулом «{value}»</translation>
    </message>
    <message>
        <source>no device with code '{value}'</source>
        <translation>нет устройства с кодом «{value}»</translation>
    </message>
    <message>
        <source>no store named '{value}'</source>
        <translation>нет магазина «{value}»</translation>
    </message>
    <message>
        <source>no base named '{value}'</source>
        <translation>нет базы «{value}»</translation>
    </message>
    <message>
        <source>ends ({value}) before it starts</source>
        <translation>заканчивается ({value}) раньше, чем начинается</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>должно быть списком</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>должно быть объектом</translation>
    </message>
    <message>
        <source>is not valid XML ({value})</source>
        <translation>некорректный XML ({value})</translation>
    </message>
    <message>
        <source>'{value}' is not a version number like 15.3</source>
        <translation>«{value}» — не номер версии вида 15.3</translation>
    </message>
    <message>
        <source>has another date than before: {value}</source>
        <translation>дата отличается от прежней: {value}</translation>
    </message>
    <message>
        <source>'{value}' holds control, invisible or direction characters</source>
        <translation>«{value}» содержит управляющие, невидимые символы или символы направления текста</translation>
    </message>
    <message>
        <source>is too long ('{value}')</source>
        <translation>слишком длинное значение («{value}»)</translation>
    </message>
    <message>
        <source>'{value}' is not a SKU (Latin letters, digits and . _ / + - only)</source>
        <translation>«{value}» — не артикул (только латинские буквы, цифры и . _ / + -)</translation>
    </message>
    <message>
        <source>'{value}' is outside the dates License Desk accepts (1990 to 2099)</source>
        <translation>«{value}» вне допустимых в License Desk дат (1990–2099)</translation>
    </message>
    <message>
        <source>'{value}' is outside the allowed range</source>
        <translation>«{value}» вне допустимого диапазона</translation>
    </message>
    <message>
        <source>'{value}' is not a device code like CP30-3210741300095-3210741300095</source>
        <translation>«{value}» — не код устройства вида CP30-3210741300095-3210741300095</translation>
    </message>
    <message>
        <source>'{value}' is not a setting License Desk knows</source>
        <translation>«{value}» — неизвестная License Desk настройка</translation>
    </message>
    <message>
        <source>'{value}' is not a list of days between 0 and 366 like 30,14,1</source>
        <translation>«{value}» — не список дней от 0 до 366 вида 30,14,1</translation>
    </message>
    <message>
        <source>'{value}' is too far ahead</source>
        <translation>«{value}» слишком далеко в будущем</translation>
    </message>
    <message>
        <source>differs from an earlier row: {value}</source>
        <translation>отличается от предыдущей строки: {value}</translation>
    </message>
    <message>
        <source>differs from the stored product: {value}</source>
        <translation>отличается от сохранённого продукта: {value}</translation>
    </message>
    <message>
        <source>'{value}' is not in the form the license authority writes</source>
        <translation>«{value}» не в том виде, в каком его записывает центр лицензирования</translation>
    </message>
    <message>
        <source>and {value} more problems</source>
        <translation>и ещё проблем: {value}</translation>
    </message>
    <message>
        <source>Unexpected error: {code}</source>
        <translation>Непредвиденная ошибка: {code}</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Не удалось прочитать %1: %2</translation>
    </message>
    <message>
        <source>%1 is not UTF-8 text.</source>
        <translation>%1 не является текстом в UTF-8.</translation>
    </message>
    <message>
        <source>%1 cannot be read: it is not in a form License Desk reads (%2).</source>
        <translation>Не удалось прочитать %1: файл не в том формате, который понимает License Desk (%2).</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>Licenses</source>
        <extracomment>Excel's built-in short-date format (numFmtId 14): shown in the reader's locale. Rows read before the first is written, to fit the column widths. What a cell holds: text, a number, a date, or nothing.</extracomment>
        <translation>Лицензии</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to License Desk</source>
        <translation>Добро пожаловать в License Desk</translation>
    </message>
    <message>
        <source>&lt;h3&gt;There is no license database here yet&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;A new database is created there only if you choose a way to start. If the path is wrong, close this window and start License Desk with the right one.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Здесь ещё нет базы лицензий&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;Новая база будет создана там, только если вы выберете, как начать. Если путь неверен, закройте это окно и запустите License Desk с правильным путём.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Your license database is empty&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;How would you like to start?&lt;/p&gt;</source>
        <translation>&lt;h3&gt;База лицензий пуста&lt;/h3&gt;&lt;p&gt;%1&lt;/p&gt;&lt;p&gt;С чего начнём?&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open the &amp;demo</source>
        <translation>Открыть &amp;демо</translation>
    </message>
    <message>
        <source>A separate demo database with stores, terminals and licenses in every state. Your database stays empty.</source>
        <translation>Отдельная демо-база с магазинами, терминалами и лицензиями во всех состояниях. Ваша база останется пустой.</translation>
    </message>
    <message>
        <source>Start &amp;empty</source>
        <translation>Начать с &amp;пустой базы</translation>
    </message>
    <message>
        <source>Begin with an empty database and add licenses by activation or import.</source>
        <translation>Начать с пустой базы и добавлять лицензии активацией или импортом.</translation>
    </message>
    <message>
        <source>&amp;Import a file...</source>
        <translation>&amp;Импортировать файл...</translation>
    </message>
    <message>
        <source>Load a License Desk export (.json or .csv).</source>
        <translation>Загрузить выгрузку License Desk (.json или .csv).</translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message>
        <source>&amp;Months ahead:</source>
        <extracomment>How many left-out licenses are named under the table (the rest are counted). Up to this many months the chart names every month; beyond, every year. Value-axis ticks aimed at (the axis picks a round step near max / this). A forecast was computed and shown (tests and the window wait on it).</extracomment>
        <translation>&amp;Месяцев вперёд:</translation>
    </message>
    <message>
        <source>Brea&amp;kdown:</source>
        <translation>&amp;Группировка:</translation>
    </message>
    <message>
        <source>By month</source>
        <translation>По месяцам</translation>
    </message>
    <message>
        <source>By month and store</source>
        <translation>По месяцам и магазинам</translation>
    </message>
    <message>
        <source>&amp;Recalculate</source>
        <translation>Пересч&amp;итать</translation>
    </message>
    <message>
        <source>Calculating...</source>
        <translation>Расчёт...</translation>
    </message>
    <message numerus="yes">
        <source>Total over %n month(s): %1</source>
        <translation>
<numerusform>Итого за %n месяц: %1</numerusform><numerusform>Итого за %n месяца: %1</numerusform><numerusform>Итого за %n месяцев: %1</numerusform></translation>
    </message>
    <message>
        <source>Renewals in %1, %2 to %3, if every license renews on time</source>
        <translation>Продления в %1, с %2 по %3, если каждая лицензия продлевается вовремя</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Renewals</source>
        <translation>Продлений</translation>
    </message>
    <message>
        <source>(no store)</source>
        <translation>(без магазина)</translation>
    </message>
    <message numerus="yes">
        <source>%n license(s) are left out of the forecast (they cannot be priced):</source>
        <translation>
<numerusform>%n лицензия не вошла в прогноз (её нельзя оценить):</numerusform><numerusform>%n лицензии не вошли в прогноз (их нельзя оценить):</numerusform><numerusform>%n лицензий не вошли в прогноз (их нельзя оценить):</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
<numerusform>… и ещё %n.</numerusform><numerusform>… и ещё %n.</numerusform><numerusform>… и ещё %n.</numerusform></translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Месяц</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <source>%1 · not verified</source>
        <translation>%1 · не проверено</translation>
    </message>
    <message>
        <source>%1 · demo authority</source>
        <translation>%1 · демо-центр</translation>
    </message>
    <message>
        <source>None: not bound to a device</source>
        <translation>Нет: не привязана к устройству</translation>
    </message>
    <message>
        <source>Invalid: the signature does not match this license (edited, copied, or signed by an unknown key)</source>
        <translation>Недействительна: подпись не соответствует лицензии (изменена, скопирована или подписана неизвестным ключом)</translation>
    </message>
    <message>
        <source>Not verified: recorded by hand or imported, no signature</source>
        <translation>Не проверена: внесена вручную или импортирована, без подписи</translation>
    </message>
    <message>
        <source>the vendor's license authority</source>
        <translation>центром лицензирования производителя</translation>
    </message>
    <message>
        <source>a license authority this PC trusts</source>
        <translation>центром лицензирования, которому доверяет этот компьютер</translation>
    </message>
    <message>
        <source>the demo authority (demo data only)</source>
        <translation>демо-центром (только демонстрационные данные)</translation>
    </message>
    <message>
        <source>Verified: signed by %1</source>
        <translation>Проверена: подписана %1</translation>
    </message>
    <message>
        <source>Free (not bound)</source>
        <translation>Свободна (не привязана)</translation>
    </message>
    <message>
        <source>Invalid: signature does not verify</source>
        <translation>Недействительна: подпись не сходится</translation>
    </message>
    <message>
        <source>No subscription</source>
        <translation>Нет подписки</translation>
    </message>
    <message numerus="yes">
        <source>Ended %n day(s) ago</source>
        <translation>
            <numerusform>Истекла %n день назад</numerusform>
            <numerusform>Истекла %n дня назад</numerusform>
            <numerusform>Истекла %n дней назад</numerusform>
        </translation>
    </message>
    <message>
        <source>Ends today</source>
        <translation>Истекает сегодня</translation>
    </message>
    <message numerus="yes">
        <source>Ends in %n day(s)</source>
        <translation>
            <numerusform>Осталось %n день</numerusform>
            <numerusform>Осталось %n дня</numerusform>
            <numerusform>Осталось %n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n paid day(s) forfeited</source>
        <translation>
            <numerusform>потерян %n оплаченный день</numerusform>
            <numerusform>потеряны %n оплаченных дня</numerusform>
            <numerusform>потеряно %n оплаченных дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>≤ %n day(s)</source>
        <translation>
<numerusform>≤ %n дня</numerusform><numerusform>≤ %n дней</numerusform><numerusform>≤ %n дней</numerusform></translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Действует</translation>
    </message>
    <message>
        <source>Free</source>
        <translation>Свободные</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Заканчиваются</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Закончились</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Недействительные</translation>
    </message>
    <message>
        <source>%1, terminal</source>
        <translation>%1, ТСД</translation>
    </message>
    <message>
        <source>%1, workplace PC</source>
        <translation>%1, рабочее место (ПК)</translation>
    </message>
</context>
<context>
    <name>Launch</name>
    <message>
        <source>Unexpected error: %1</source>
        <extracomment>At quit, running work gets this long to finish or notice its cancel.</extracomment>
        <translation>Непредвиденная ошибка: %1</translation>
    </message>
    <message>
        <source>License Desk</source>
        <translation>License Desk</translation>
    </message>
    <message>
        <source>Opening the database...</source>
        <translation>Открытие базы данных...</translation>
    </message>
    <message>
        <source>There is no database at %1.</source>
        <translation>По пути %1 нет базы данных.</translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Импорт данных</translation>
    </message>
    <message>
        <source>License Desk export (*.json *.csv)</source>
        <translation>Выгрузка License Desk (*.json *.csv)</translation>
    </message>
</context>
<context>
    <name>LicenseDetails</name>
    <message>
        <source>Activated</source>
        <translation>Активирована</translation>
    </message>
    <message>
        <source>Subscription renewed</source>
        <translation>Подписка продлена</translation>
    </message>
    <message>
        <source>Transferred (unbound)</source>
        <translation>Перенесена (отвязана)</translation>
    </message>
    <message>
        <source>Purchased</source>
        <translation>Куплена</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортирована</translation>
    </message>
    <message>
        <source>Activation refused</source>
        <translation>В активации отказано</translation>
    </message>
    <message>
        <source>Version installed</source>
        <translation>Установлена версия</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Подписана</translation>
    </message>
    <message>
        <source>Demo mode</source>
        <translation>Демо-режим</translation>
    </message>
    <message>
        <source>Bound to device %1 (moved from another device)</source>
        <translation>Привязана к устройству %1 (перенесена с другого устройства)</translation>
    </message>
    <message>
        <source>Bound to device %1</source>
        <translation>Привязана к устройству %1</translation>
    </message>
    <message>
        <source>warranty until %1 (was until %2)</source>
        <translation>гарантия до %1 (была до %2)</translation>
    </message>
    <message>
        <source>subscription until %1 (was until %2)</source>
        <translation>подписка до %1 (была до %2)</translation>
    </message>
    <message>
        <source>warranty until %1</source>
        <translation>гарантия до %1</translation>
    </message>
    <message>
        <source>subscription until %1</source>
        <translation>подписка до %1</translation>
    </message>
    <message>
        <source>Unbound from device %1</source>
        <translation>Отвязана от устройства %1</translation>
    </message>
    <message>
        <source>Version %1 was installed; it was released after the subscription ended</source>
        <translation>Установлена версия %1; она вышла после окончания подписки</translation>
    </message>
    <message>
        <source>Version %1 installed</source>
        <translation>Установлена версия %1</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Продукт:</translation>
    </message>
    <message>
        <source>SKU:</source>
        <translation>Артикул:</translation>
    </message>
    <message>
        <source>Device:</source>
        <translation>Устройство:</translation>
    </message>
    <message>
        <source>Device code:</source>
        <translation>Код устройства:</translation>
    </message>
    <message>
        <source>Store:</source>
        <translation>Магазин:</translation>
    </message>
    <message>
        <source>Activated:</source>
        <translation>Активирована:</translation>
    </message>
    <message>
        <source>Update subscription until:</source>
        <translation>Подписка на обновления до:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Состояние:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Подпись:</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Когда</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Select a license to see its history.</source>
        <translation>Выберите лицензию, чтобы увидеть её историю.</translation>
    </message>
    <message>
        <source>No events recorded for this license.</source>
        <translation>Для этой лицензии событий не записано.</translation>
    </message>
    <message>
        <source>Warranty until:</source>
        <translation>Гарантия до:</translation>
    </message>
    <message>
        <source>License number %1</source>
        <translation>Лицензия № %1</translation>
    </message>
    <message>
        <source>not bound to a device</source>
        <translation>не привязана к устройству</translation>
    </message>
</context>
<context>
    <name>LicenseTableModel</name>
    <message>
        <source>Loading...</source>
        <extracomment>Role carrying the raw value (date, int) so that exports and tests need no parsing. Role carrying the license id of the row. Role carrying the LicenseStatus of the row. A page on its way from a worker (asynchronous reads only). Emitted after the row count or the query changed (filters, sort, refresh). Emitted when an asynchronous read failed (the window says why and offers a retry).</extracomment>
        <translation>Загрузка...</translation>
    </message>
    <message>
        <source>(not available)</source>
        <translation>(недоступно)</translation>
    </message>
    <message>
        <source>Warranty until %1</source>
        <translation>Гарантия до %1</translation>
    </message>
    <message>
        <source>Product</source>
        <extracomment>The value as SQL orders the column, when it is not ``value`` (SortRole).</extracomment>
        <translation>Продукт</translation>
    </message>
    <message>
        <source>License kind</source>
        <translation>Вид лицензии</translation>
    </message>
    <message>
        <source>Device code</source>
        <translation>Код устройства</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Activated</source>
        <translation>Активирована</translation>
    </message>
    <message>
        <source>Update subscription</source>
        <translation>Подписка на обновления</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Осталось дней</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Opening the database...</source>
        <extracomment>The store changed (any write, from this window, a dialog or a view); on the GUI thread. Every view refreshes from this one signal. The start-up pop-up's round is over: the WarningChoice, or None (nothing due). Opens the store again (set by desktop.ui.launch): after a restore.</extracomment>
        <translation>Открываю базу данных...</translation>
    </message>
    <message>
        <source>&amp;Activate...</source>
        <translation>&amp;Активировать...</translation>
    </message>
    <message>
        <source>Enter an activation code for a device</source>
        <translation>Ввести код активации для устройства</translation>
    </message>
    <message>
        <source>&amp;Renew...</source>
        <translation>&amp;Продлить...</translation>
    </message>
    <message>
        <source>Quote the renewal of the selected licenses</source>
        <translation>Рассчитать продление выбранных лицензий</translation>
    </message>
    <message>
        <source>&amp;Copy device code</source>
        <translation>&amp;Копировать код устройства</translation>
    </message>
    <message>
        <source>Copy the selected device code</source>
        <translation>Скопировать код выбранного устройства</translation>
    </message>
    <message>
        <source>Show &amp;history</source>
        <translation>&amp;История</translation>
    </message>
    <message>
        <source>Show the event history of the selected license</source>
        <translation>Показать историю событий выбранной лицензии</translation>
    </message>
    <message>
        <source>Unbind the license from its device; its code then activates it elsewhere</source>
        <translation>Отвязать лицензию от устройства; её код затем активирует её на другом</translation>
    </message>
    <message>
        <source>Open the base this license's device works with</source>
        <translation>Открыть базу, с которой работает устройство этой лицензии</translation>
    </message>
    <message>
        <source>&amp;Export shown rows...</source>
        <translation>&amp;Экспорт показанных строк...</translation>
    </message>
    <message>
        <source>Export the rows shown (with the filter) to CSV or Excel</source>
        <translation>Выгрузить показанные строки (с фильтром) в CSV или Excel</translation>
    </message>
    <message>
        <source>&amp;Import data...</source>
        <translation>&amp;Импорт данных...</translation>
    </message>
    <message>
        <source>Import a License Desk export (.json or .csv)</source>
        <translation>Импортировать выгрузку License Desk (.json или .csv)</translation>
    </message>
    <message>
        <source>&amp;Restore from backup...</source>
        <translation>Восстановить из &amp;резервной копии...</translation>
    </message>
    <message>
        <source>Replace the database with one of its backups</source>
        <translation>Заменить базу данных одной из её резервных копий</translation>
    </message>
    <message>
        <source>&amp;Settings...</source>
        <translation>&amp;Настройки...</translation>
    </message>
    <message>
        <source>Warning threshold, stages, language</source>
        <translation>Порог предупреждения, этапы, язык</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n день</numerusform>
            <numerusform>%n дня</numerusform>
            <numerusform>%n дней</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n license(s) end within %1.</source>
        <translation>
            <numerusform>%n лицензия заканчивается не позднее чем через %1.</numerusform>
            <numerusform>%n лицензии заканчиваются не позднее чем через %1.</numerusform>
            <numerusform>%n лицензий заканчиваются не позднее чем через %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Imported %1, %2 and %3.</source>
        <translation>Импортировано: %1, %2 и %3.</translation>
    </message>
    <message numerus="yes">
        <source>%n license(s)</source>
        <translation>
            <numerusform>%n лицензия</numerusform>
            <numerusform>%n лицензии</numerusform>
            <numerusform>%n лицензий</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n устройство</numerusform>
            <numerusform>%n устройства</numerusform>
            <numerusform>%n устройств</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n продукт</numerusform>
            <numerusform>%n продукта</numerusform>
            <numerusform>%n продуктов</numerusform>
        </translation>
    </message>
    <message>
        <source>No update subscription ends soon or has ended.</source>
        <translation>Ни одна подписка на обновления не заканчивается в ближайшее время и не закончилась.</translation>
    </message>
    <message>
        <source>Reload from the database</source>
        <translation>Перечитать из базы данных</translation>
    </message>
    <message>
        <source>Show &amp;warnings...</source>
        <translation>П&amp;редупреждения...</translation>
    </message>
    <message>
        <source>List the subscriptions that end soon or have ended</source>
        <translation>Список подписок, которые скоро закончатся или уже закончились</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>&amp;Найти</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>В&amp;ыход</translation>
    </message>
    <message>
        <source>&amp;About License Desk</source>
        <translation>&amp;О программе License Desk</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <source>&amp;Licenses</source>
        <translation>&amp;Лицензии</translation>
    </message>
    <message>
        <source>&amp;Sort by</source>
        <translation>&amp;Сортировка</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Сервис</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Сп&amp;равка</translation>
    </message>
    <message>
        <source>&amp;Descending</source>
        <translation>По &amp;убыванию</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>Основная панель</translation>
    </message>
    <message>
        <source>Licen&amp;ses</source>
        <translation>Ли&amp;цензии</translation>
    </message>
    <message>
        <source>Search product, device code, device or store (Ctrl+F)</source>
        <translation>Поиск по продукту, коду устройства, устройству или магазину (Ctrl+F)</translation>
    </message>
    <message>
        <source>Demo database</source>
        <translation>Демо-база</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>База данных</translation>
    </message>
    <message>
        <source>Fore&amp;cast</source>
        <translation>&amp;Прогноз</translation>
    </message>
    <message>
        <source>All stores</source>
        <translation>Все магазины</translation>
    </message>
    <message>
        <source>There are no licenses yet. Activate a code (Licenses, Activate..., Ctrl+Shift+A) or import a License Desk export (File, Import data..., Ctrl+I).</source>
        <translation>Лицензий пока нет. Активируйте код (Лицензии, Активировать..., Ctrl+Shift+A) или импортируйте выгрузку License Desk (Файл, Импорт данных..., Ctrl+I).</translation>
    </message>
    <message>
        <source>No license matches “%1”. Check the spelling, search for part of a product, device code, device or store, or press Esc to clear the search.</source>
        <translation>По запросу «%1» ничего не найдено. Проверьте написание, ищите по части названия продукта, кода устройства, устройства или магазина либо нажмите Esc, чтобы сбросить поиск.</translation>
    </message>
    <message>
        <source>None of these licenses is left. Pick a quick filter to see all.</source>
        <translation>Ни одной из этих лицензий больше нет. Выберите быстрый фильтр, чтобы увидеть все.</translation>
    </message>
    <message>
        <source>No license matches this filter. Choose All or All stores to see every license.</source>
        <translation>Под этот фильтр не подходит ни одна лицензия. Выберите «Все» или «Все магазины», чтобы увидеть все лицензии.</translation>
    </message>
    <message>
        <source>No licenses to show.</source>
        <translation>Нет лицензий для показа.</translation>
    </message>
    <message numerus="yes">
        <source>Showing %n selected license(s). Pick a quick filter to see all.</source>
        <translation>
            <numerusform>Показана %n выбранная лицензия. Выберите быстрый фильтр, чтобы увидеть все.</numerusform>
            <numerusform>Показаны %n выбранные лицензии. Выберите быстрый фильтр, чтобы увидеть все.</numerusform>
            <numerusform>Показано %n выбранных лицензий. Выберите быстрый фильтр, чтобы увидеть все.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;All</source>
        <translation>&amp;Все</translation>
    </message>
    <message>
        <source>E&amp;xpiring</source>
        <translation>Закан&amp;чиваются</translation>
    </message>
    <message>
        <source>Ex&amp;pired</source>
        <translation>Законч&amp;ились</translation>
    </message>
    <message>
        <source>F&amp;ree</source>
        <translation>Св&amp;ободные</translation>
    </message>
    <message>
        <source>The next one ends today (%1).</source>
        <translation>Ближайшая заканчивается сегодня (%1).</translation>
    </message>
    <message numerus="yes">
        <source>The next one ends on %1 (in %n day(s)).</source>
        <translation>
            <numerusform>Ближайшая заканчивается %1 (через %n день).</numerusform>
            <numerusform>Ближайшая заканчивается %1 (через %n дня).</numerusform>
            <numerusform>Ближайшая заканчивается %1 (через %n дней).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shown: %n</source>
        <translation>
            <numerusform>Показано: %n</numerusform>
            <numerusform>Показано: %n</numerusform>
            <numerusform>Показано: %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Cannot read the licenses: %1</source>
        <translation>Не удаётся прочитать лицензии: %1</translation>
    </message>
    <message>
        <source>Copied %1</source>
        <translation>Скопировано: %1</translation>
    </message>
    <message>
        <source>Unbind the %1 license from device %2? The device loses the license; the same activation code then activates it on the new device.</source>
        <translation>Отвязать лицензию «%1» от устройства %2? Устройство лишится лицензии; тот же код активации затем активирует её на новом устройстве.</translation>
    </message>
    <message>
        <source>&amp;Unbind</source>
        <translation>&amp;Отвязать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>License unbound from %1.</source>
        <translation>Лицензия отвязана от %1.</translation>
    </message>
    <message>
        <source>This license's device works with no known base.</source>
        <translation>Устройство этой лицензии не работает ни с одной известной базой.</translation>
    </message>
    <message>
        <source>Export shown rows</source>
        <translation>Экспорт показанных строк</translation>
    </message>
    <message>
        <source>licenses</source>
        <translation>лицензии</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Книга Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорт</translation>
    </message>
    <message>
        <source>Exporting the shown rows...</source>
        <translation>Экспорт показанных строк...</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Выгружена %n строка в %1</numerusform>
            <numerusform>Выгружены %n строки в %1</numerusform>
            <numerusform>Выгружено %n строк в %1</numerusform>
        </translation>
    </message>
    <message>
        <source>Import data</source>
        <translation>Импорт данных</translation>
    </message>
    <message>
        <source>License Desk export (*.json *.csv)</source>
        <translation>Выгрузка License Desk (*.json *.csv)</translation>
    </message>
    <message numerus="yes">
        <source>%n signed license(s) verify in this store.</source>
        <translation>
            <numerusform>%n подписанная лицензия проверена в этом хранилище.</numerusform>
            <numerusform>%n подписанные лицензии проверены в этом хранилище.</numerusform>
            <numerusform>%n подписанных лицензий проверены в этом хранилище.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signed license(s) belong to another store and show as not verified here.</source>
        <translation>
            <numerusform>%n подписанная лицензия принадлежит другому хранилищу и здесь показана как непроверенная.</numerusform>
            <numerusform>%n подписанные лицензии принадлежат другому хранилищу и здесь показаны как непроверенные.</numerusform>
            <numerusform>%n подписанных лицензий принадлежат другому хранилищу и здесь показаны как непроверенные.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not imported (this store's own): %1</source>
        <translation>Не импортировано (собственные данные этого хранилища): %1</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Import cancelled.</source>
        <translation>Импорт отменён.</translation>
    </message>
    <message>
        <source>Importing %1...</source>
        <translation>Импорт %1...</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>The new language applies the next time License Desk starts.</source>
        <translation>Новый язык будет применён при следующем запуске License Desk.</translation>
    </message>
    <message>
        <source>vendor</source>
        <translation>производитель</translation>
    </message>
    <message>
        <source>installed on this PC</source>
        <translation>установлен на этом компьютере</translation>
    </message>
    <message>
        <source>demo authority, demo data only</source>
        <translation>демо-центр, только демонстрационные данные</translation>
    </message>
    <message>
        <source>License authorities this PC trusts</source>
        <translation>Центры лицензирования, которым доверяет этот компьютер</translation>
    </message>
    <message>
        <source>None: signed licenses cannot be verified here. An administrator installs the authority's key file in %1.</source>
        <translation>Нет: подписанные лицензии здесь не проверить. Администратор устанавливает файл ключа центра в %1.</translation>
    </message>
    <message>
        <source>Ignored %1: %2</source>
        <translation>Пропущен %1: %2</translation>
    </message>
    <message>
        <source>About License Desk</source>
        <translation>О программе License Desk</translation>
    </message>
    <message>
        <source>Showing the first %1 licenses that need attention.</source>
        <translation>Показаны первые %1 лицензий, требующих внимания.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 %2&lt;/b&gt;&lt;p&gt;Licenses, update subscriptions and renewals for Mobile SMARTS and enova365.&lt;/p&gt;</source>
        <translation>&lt;b&gt;%1 %2&lt;/b&gt;&lt;p&gt;Лицензии, подписки на обновления и продления для Mobile SMARTS и enova365.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&amp;Orders</source>
        <translation>&amp;Заказы</translation>
    </message>
    <message>
        <source>Transfer license</source>
        <translation>Перенос лицензии</translation>
    </message>
    <message>
        <source>&amp;Transfer (unbind)...</source>
        <translation>Пере&amp;нести (отвязать)...</translation>
    </message>
    <message>
        <source>&amp;Bases</source>
        <translation>&amp;Базы</translation>
    </message>
    <message>
        <source>Show its &amp;base</source>
        <translation>Показать её &amp;базу</translation>
    </message>
    <message>
        <source>%1 [demo data]</source>
        <extracomment>The window's first size, where the screen's available area allows it. Columns that elide to keep the subscription's end and days left in view: least widths. "Open in list" and "Renew selected" from the warning pop-up take at most this many licenses (the list shows them by id; thousands more would not be read by anyone).</extracomment>
        <translation>%1 [демо-данные]</translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <source>Stor&amp;e:</source>
        <translation>&amp;Магазин:</translation>
    </message>
    <message>
        <source>New releases are available: %1</source>
        <translation>Вышли новые версии: %1</translation>
    </message>
</context>
<context>
    <name>Msgbox</name>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Да</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Нет</translation>
    </message>
    <message>
        <source>&amp;Retry</source>
        <translation>&amp;Повторить</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Выйти</translation>
    </message>
    <message>
        <source>&amp;Copy details</source>
        <translation>&amp;Скопировать подробности</translation>
    </message>
    <message>
        <source>&amp;Keep working</source>
        <translation>&amp;Продолжить работу</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопировано</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Cancel</source>
        <extracomment>The progress dialog appears only for work that takes longer than this. At most this often the GUI hears of progress (a million steps must not flood it).</extracomment>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>License Desk</source>
        <translation>License Desk</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>Отменено.</translation>
    </message>
    <message>
        <source>Waiting for another program to finish writing to the database...</source>
        <extracomment>The operation the current worker thread runs (for the store's "waiting" signal).</extracomment>
        <translation>Ожидание, пока другая программа закончит запись в базу данных...</translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message>
        <source>Draft</source>
        <translation>Черновик</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Отправлен</translation>
    </message>
    <message>
        <source>Fulfilled</source>
        <translation>Выполнен</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>Заказ</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Состояние</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Stores</source>
        <translation>Магазины</translation>
    </message>
    <message>
        <source>Lines</source>
        <translation>Строк</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Prepared with %1 on %2</source>
        <translation>Подготовлено в %1 %2</translation>
    </message>
    <message>
        <source>SKU</source>
        <translation>Артикул</translation>
    </message>
    <message>
        <source>Current end</source>
        <translation>Текущее окончание</translation>
    </message>
    <message>
        <source>Order %1</source>
        <translation>Заказ %1</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Продукт</translation>
    </message>
    <message>
        <source>Device code</source>
        <translation>Код устройства</translation>
    </message>
    <message>
        <source>New end</source>
        <translation>Новое окончание</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Renewal order #%1</source>
        <translation>Заказ на продление № %1</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>Валюта</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Итого</translation>
    </message>
    <message>
        <source>Export &amp;PDF...</source>
        <extracomment>An order was written to a file (the path). A reload finished (tests wait on it).</extracomment>
        <translation>Экспорт в &amp;PDF...</translation>
    </message>
    <message>
        <source>Export &amp;XLSX...</source>
        <translation>Экспорт в &amp;XLSX...</translation>
    </message>
    <message>
        <source>Ca&amp;ncel order...</source>
        <translation>О&amp;тменить заказ...</translation>
    </message>
    <message>
        <source>Cop&amp;y as text</source>
        <translation>&amp;Копировать текстом</translation>
    </message>
    <message>
        <source>Mark s&amp;ent</source>
        <translation>&amp;Отметить отправленным</translation>
    </message>
    <message>
        <source>F&amp;ulfil with local authority...</source>
        <translation>&amp;Выполнить через локальный центр...</translation>
    </message>
    <message>
        <source>No renewal orders yet. On the Licenses tab select the licenses to renew and choose Renew... (Ctrl+R); the quote's “Create order” saves a draft here.</source>
        <translation>Заказов на продление пока нет. На вкладке «Лицензии» выделите лицензии для продления и выберите «Продлить...» (Ctrl+R); кнопка «Создать заказ» в расчёте сохранит здесь черновик.</translation>
    </message>
    <message numerus="yes">
        <source>Order #%1: %n line(s)</source>
        <translation>
            <numerusform>Заказ №%1: %n строка</numerusform>
            <numerusform>Заказ №%1: %n строки</numerusform>
            <numerusform>Заказ №%1: %n строк</numerusform>
        </translation>
    </message>
    <message>
        <source>fulfilled</source>
        <translation>выполнено</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Документ PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Книга Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>order-%1</source>
        <translation>заказ-%1</translation>
    </message>
    <message>
        <source>Export order</source>
        <translation>Экспорт заказа</translation>
    </message>
    <message>
        <source>Order #%1 saved to %2</source>
        <translation>Заказ №%1 сохранён в %2</translation>
    </message>
    <message>
        <source>Cancel order</source>
        <translation>Отмена заказа</translation>
    </message>
    <message>
        <source>Cancel order #%1? It stays in the list as cancelled and can no longer be fulfilled.</source>
        <translation>Отменить заказ №%1? Он останется в списке как отменённый, и выполнить его будет нельзя.</translation>
    </message>
    <message>
        <source>Ca&amp;ncel the order</source>
        <translation>О&amp;тменить заказ</translation>
    </message>
    <message>
        <source>&amp;Keep it</source>
        <translation>&amp;Оставить</translation>
    </message>
    <message>
        <source>Fulfil order</source>
        <translation>Выполнение заказа</translation>
    </message>
    <message numerus="yes">
        <source>Fulfil order #%1? The authority issues %n renewal code(s) and each is activated on its device at once.</source>
        <translation>
            <numerusform>Выполнить заказ №%1? Центр лицензирования выпустит %n код продления, и он сразу будет активирован на своём устройстве.</numerusform>
            <numerusform>Выполнить заказ №%1? Центр лицензирования выпустит %n кода продления, и каждый сразу будет активирован на своём устройстве.</numerusform>
            <numerusform>Выполнить заказ №%1? Центр лицензирования выпустит %n кодов продления, и каждый сразу будет активирован на своём устройстве.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Fulfil</source>
        <translation>&amp;Выполнить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message numerus="yes">
        <source>The authority issued %n renewal code(s); they were activated on their devices.</source>
        <translation>
            <numerusform>Центр лицензирования выпустил %n код продления; он активирован на своём устройстве.</numerusform>
            <numerusform>Центр лицензирования выпустил %n кода продления; они активированы на своих устройствах.</numerusform>
            <numerusform>Центр лицензирования выпустил %n кодов продления; они активированы на своих устройствах.</numerusform>
        </translation>
    </message>
    <message>
        <source>Fulfilling order #%1...</source>
        <translation>Выполнение заказа №%1...</translation>
    </message>
</context>
<context>
    <name>RenewalDialog</name>
    <message>
        <source>Renewal quote</source>
        <translation>Расчёт продления</translation>
    </message>
    <message>
        <source>Quote as if &amp;bought on:</source>
        <translation>Рассчитать на дату &amp;покупки:</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Продукт</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Current end</source>
        <translation>Текущее окончание</translation>
    </message>
    <message>
        <source>New end</source>
        <translation>Новое окончание</translation>
    </message>
    <message>
        <source>Days forfeited</source>
        <translation>Потерянные дни</translation>
    </message>
    <message>
        <source>Policy</source>
        <translation>Правило</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Сумма</translation>
    </message>
    <message>
        <source>Create &amp;order</source>
        <translation>Создать &amp;заказ</translation>
    </message>
    <message>
        <source>License</source>
        <translation>Лицензия</translation>
    </message>
    <message>
        <source>Not bound to a device: activate it before renewing.</source>
        <translation>Не привязана к устройству: активируйте её перед продлением.</translation>
    </message>
    <message>
        <source>No warranty end date to renew from.</source>
        <translation>Нет даты окончания гарантии, от которой считать продление.</translation>
    </message>
    <message>
        <source>Activated on %1: there is nothing to renew on this day. Choose a later day.</source>
        <translation>Активирована %1: на этот день продлевать нечего. Выберите более позднюю дату.</translation>
    </message>
    <message>
        <source>Renewed on this day it would end on %1, before its current end %2.</source>
        <translation>Продлённая в этот день, она закончилась бы %1 — раньше текущего окончания %2.</translation>
    </message>
    <message>
        <source>The start of the current warranty period is not known: enter the date from the registration certificate.</source>
        <translation>Начало текущего гарантийного периода неизвестно: введите дату из регистрационного сертификата.</translation>
    </message>
    <message>
        <source>This license is no longer in the database.</source>
        <translation>Этой лицензии больше нет в базе.</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1 на %2</translation>
    </message>
    <message numerus="yes">
        <source>Bought on this day the new year starts at once and %n paid day(s) are lost. Buy on %2 to lose nothing.</source>
        <translation>
            <numerusform>При покупке в этот день новый год начнётся сразу, и будет потерян %n оплаченный день. Купите %2, чтобы ничего не потерять.</numerusform>
            <numerusform>При покупке в этот день новый год начнётся сразу, и будут потеряны %n оплаченных дня. Купите %2, чтобы ничего не потерять.</numerusform>
            <numerusform>При покупке в этот день новый год начнётся сразу, и будут потеряны %n оплаченных дней. Купите %2, чтобы ничего не потерять.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The subscription ended %n day(s) before this day: releases of that gap may not be installed until the renewal is active.</source>
        <translation>
            <numerusform>Подписка закончилась за %n день до этой даты: версии, вышедшие в этот промежуток, нельзя устанавливать, пока продление не вступит в силу.</numerusform>
            <numerusform>Подписка закончилась за %n дня до этой даты: версии, вышедшие в этот промежуток, нельзя устанавливать, пока продление не вступит в силу.</numerusform>
            <numerusform>Подписка закончилась за %n дней до этой даты: версии, вышедшие в этот промежуток, нельзя устанавливать, пока продление не вступит в силу.</numerusform>
        </translation>
    </message>
    <message>
        <source>deferred to the next update</source>
        <translation>перенесено на следующую актуализацию</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>восстановлен</translation>
    </message>
    <message>
        <source>On-time update, 15 %</source>
        <translation>Актуализация в срок, 15 %</translation>
    </message>
    <message>
        <source>Open update, 30 %</source>
        <translation>Открытая актуализация, 30 %</translation>
    </message>
    <message>
        <source>Subscription renewal, 20 %</source>
        <translation>Продление подписки, 20 %</translation>
    </message>
    <message>
        <source>This day loses nothing: the new year follows the old one.</source>
        <translation>В этот день ничего не теряется: новый год следует сразу за старым.</translation>
    </message>
    <message>
        <source>On-time update: the new warranty follows on from %1. Modules bought after the sixth month are charged at the next update.</source>
        <translation>Актуализация в срок: новая гарантия продолжается после %1. Модули, купленные после шестого месяца, оплачиваются при следующей актуализации.</translation>
    </message>
    <message>
        <source>The warranty has lapsed: an open update costs 30 % and runs from the purchase day.</source>
        <translation>Гарантия истекла: открытая актуализация стоит 30 % и действует с дня покупки.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Create order</source>
        <translation>Создание заказа</translation>
    </message>
    <message>
        <source>Order #%1 saved as a draft (see the Orders tab).</source>
        <translation>Заказ № %1 сохранён черновиком (см. вкладку «Заказы»).</translation>
    </message>
    <message numerus="yes">
        <source>Total for %n license(s): </source>
        <translation>
            <numerusform>Итого за %n лицензию: </numerusform>
            <numerusform>Итого за %n лицензии: </numerusform>
            <numerusform>Итого за %n лицензий: </numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Pick the backup to restore. The database as it is now is backed up first, so this can be undone. Backups are kept in %1.</source>
        <translation>Выберите резервную копию для восстановления. Текущее состояние базы сначала сохраняется в резервную копию, так что это можно отменить. Резервные копии хранятся в %1.</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>сделана вручную</translation>
    </message>
    <message>
        <source>daily</source>
        <translation>ежедневная</translation>
    </message>
    <message>
        <source>before an upgrade</source>
        <translation>перед обновлением</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>перед импортом</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>перед восстановлением</translation>
    </message>
    <message>
        <source>the damaged database</source>
        <translation>повреждённая база</translation>
    </message>
    <message>
        <source>No backups yet.</source>
        <translation>Резервных копий пока нет.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Восстановить</translation>
    </message>
    <message>
        <source>&amp;Other file...</source>
        <translation>&amp;Другой файл...</translation>
    </message>
    <message>
        <source>License Desk backup (*.db *.dump);;All files (*)</source>
        <translation>Резервная копия License Desk (*.db *.dump);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source> days</source>
        <translation> дн.</translation>
    </message>
    <message>
        <source>&amp;Warn when a subscription ends within:</source>
        <translation>&amp;Предупреждать, когда до конца подписки осталось:</translation>
    </message>
    <message>
        <source>Start-up warning &amp;stages (days before the end):</source>
        <translation>&amp;Этапы предупреждений при запуске (дней до конца):</translation>
    </message>
    <message>
        <source>&amp;Devices (platform 3.2+) show their own notice:</source>
        <translation>&amp;Устройства (платформа 3.2+) сами предупреждают за:</translation>
    </message>
    <message>
        <source>License &amp;authority:</source>
        <translation>&amp;Центр лицензирования:</translation>
    </message>
    <message>
        <source>Follow the system</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <source>Enter days from 0 to 366, separated by commas: 30, 14, 1</source>
        <translation>Введите дни от 0 до 366 через запятую: 30, 14, 1</translation>
    </message>
    <message>
        <source>Enter an address starting with https:// or http://</source>
        <translation>Введите адрес, начинающийся с https:// или http://</translation>
    </message>
</context>
<context>
    <name>StoreSummaryModel</name>
    <message>
        <source>All stores</source>
        <translation>Все магазины</translation>
    </message>
    <message>
        <source>(no store)</source>
        <translation>(без магазина)</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Всего</translation>
    </message>
</context>
<context>
    <name>WarningsDialog</name>
    <message>
        <source>Update subscriptions need attention</source>
        <translation>Подписки на обновления требуют внимания</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1 subscription(s) end soon and %2 have ended.&lt;/b&gt; Installing a release dated after a subscription's end puts the product into demo mode.</source>
        <translation>&lt;b&gt;Скоро заканчиваются подписок: %1, уже закончились: %2.&lt;/b&gt; Установка версии, вышедшей после окончания подписки, переводит продукт в демо-режим.</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Продукт</translation>
    </message>
    <message>
        <source>Ended</source>
        <extracomment>From this many due licenses on, the pop-up first shows a summary per store. Pages before this offset are read at once from a local file (about a millisecond); deeper ones, and every page from a server, on a worker ("Loading..." meanwhile).</extracomment>
        <translation>Истекли</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Устройство</translation>
    </message>
    <message>
        <source>Store</source>
        <translation>Магазин</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>Окончание</translation>
    </message>
    <message>
        <source>Days left</source>
        <translation>Осталось дней</translation>
    </message>
    <message>
        <source>Pick a store to list its licenses. Tick the licenses to renew; Space toggles the current line.</source>
        <translation>Выберите магазин, чтобы увидеть его лицензии. Отметьте лицензии для продления; пробел переключает текущую строку.</translation>
    </message>
    <message>
        <source>Tick the licenses to renew; Space toggles the current line.</source>
        <translation>Отметьте лицензии для продления; пробел переключает текущую строку.</translation>
    </message>
    <message>
        <source>&amp;Renew selected...</source>
        <translation>&amp;Продлить отмеченные...</translation>
    </message>
    <message>
        <source>&amp;Open in list</source>
        <translation>&amp;Открыть в списке</translation>
    </message>
    <message>
        <source>Remind me &amp;tomorrow</source>
        <translation>Напомнить &amp;завтра</translation>
    </message>
</context>
</TS>