<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB">
<context>
    <name>ActivationDialog</name>
    <message numerus="yes">
        <source>%n day(s) of the old subscription were forfeited.</source>
        <translation>
            <numerusform>%n day of the old subscription was forfeited.</numerusform>
            <numerusform>%n days of the old subscription were forfeited.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message numerus="yes">
        <source>%n update subscription(s) have ended. Installing a newer release on those devices puts the product into demo mode; renew to keep receiving updates.</source>
        <translation>
            <numerusform>%n update subscription has ended. Installing a newer release on that device puts the product into demo mode; renew to keep receiving updates.</numerusform>
            <numerusform>%n update subscriptions have ended. Installing a newer release on those devices puts the product into demo mode; renew to keep receiving updates.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>BasesView</name>
    <message numerus="yes">
        <source>Demo: version %1 was released after the subscription of %n device(s) ended</source>
        <translation>
            <numerusform>Demo: version %1 was released after the subscription of %n device ended</numerusform>
            <numerusform>Demo: version %1 was released after the subscription of %n devices ended</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Working; a subscription ends in %n day(s)</source>
        <translation>
            <numerusform>Working; a subscription ends in %n day</numerusform>
            <numerusform>Working; a subscription ends in %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new release(s) of %1 loaded. Nothing was installed.</source>
        <translation>
            <numerusform>%n new release of %1 loaded. Nothing was installed.</numerusform>
            <numerusform>%n new releases of %1 loaded. Nothing was installed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message numerus="yes">
        <source>Ended %n day(s) ago</source>
        <translation>
            <numerusform>Ended %n day ago</numerusform>
            <numerusform>Ended %n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Ends in %n day(s)</source>
        <translation>
            <numerusform>Ends in %n day</numerusform>
            <numerusform>Ends in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message numerus="yes">
        <source>Showing %n selected license(s). Pick a quick filter to see all.</source>
        <translation>
            <numerusform>Showing %n selected license. Pick a quick filter to see all.</numerusform>
            <numerusform>Showing %n selected licenses. Pick a quick filter to see all.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n license(s) end within %1 days.</source>
        <translation>
            <numerusform>%n license ends within %1 days.</numerusform>
            <numerusform>%n licenses end within %1 days.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The next one ends on %1 (in %n day(s)).</source>
        <translation>
            <numerusform>The next one ends on %1 (in %n day).</numerusform>
            <numerusform>The next one ends on %1 (in %n days).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Shown: %n</source>
        <translation>
            <numerusform>Shown: %n</numerusform>
            <numerusform>Shown: %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Exported %n row(s) to %1</source>
        <translation>
            <numerusform>Exported %n row to %1</numerusform>
            <numerusform>Exported %n rows to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signed license(s) verify in this store.</source>
        <translation>
<numerusform>%n signed license verifies in this store.</numerusform><numerusform>%n signed licenses verify in this store.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n signed license(s) belong to another store and show as not verified here.</source>
        <translation>
<numerusform>%n signed license belongs to another store and shows as not verified here.</numerusform><numerusform>%n signed licenses belong to another store and show as not verified here.</numerusform></translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message numerus="yes">
        <source>Fulfil order #%1? The authority issues %n renewal code(s) and each is activated on its device at once.</source>
        <translation>
            <numerusform>Fulfil order #%1? The authority issues %n renewal code and it is activated on its device at once.</numerusform>
            <numerusform>Fulfil order #%1? The authority issues %n renewal codes and each is activated on its device at once.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The authority issued %n renewal code(s); they were activated on their devices.</source>
        <translation>
            <numerusform>The authority issued %n renewal code; it was activated on its device.</numerusform>
            <numerusform>The authority issued %n renewal codes; they were activated on their devices.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RenewalDialog</name>
    <message numerus="yes">
        <source>Total for %n license(s): </source>
        <translation>
            <numerusform>Total for %n license: </numerusform>
            <numerusform>Total for %n licenses: </numerusform>
        </translation>
    </message>
</context>
</TS>