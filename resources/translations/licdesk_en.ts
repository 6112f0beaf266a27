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
        <source>%n device(s): %1</source>
        <translation>
            <numerusform>%n device: %1</numerusform>
            <numerusform>%n devices: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n license(s)</source>
        <translation>
            <numerusform>%n license</numerusform>
            <numerusform>%n licenses</numerusform>
        </translation>
    </message>
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
        <source>Version %1 was released after the update subscription of %n device(s) ended: %2. Installed, it runs them in demo mode. Renew the subscriptions first, or install anyway.</source>
        <translation>
            <numerusform>Version %1 was released after the update subscription of %n device ended: %2. Installed, it runs it in demo mode. Renew the subscription first, or install anyway.</numerusform>
            <numerusform>Version %1 was released after the update subscription of %n devices ended: %2. Installed, it runs them in demo mode. Renew the subscriptions first, or install anyway.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new release(s) of %1 loaded: %2. Nothing was installed.</source>
        <translation>
            <numerusform>%n new release of %1 loaded: %2. Nothing was installed.</numerusform>
            <numerusform>%n new releases of %1 loaded: %2. Nothing was installed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForecastView</name>
    <message numerus="yes">
        <source>Total over %n month(s): %1</source>
        <translation>
<numerusform>Total over %n month: %1</numerusform><numerusform>Total over %n months: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n license(s) are left out of the forecast (they cannot be priced):</source>
        <translation>
<numerusform>%n license is left out of the forecast (it cannot be priced):</numerusform><numerusform>%n licenses are left out of the forecast (they cannot be priced):</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>… and %n more.</source>
        <translation>
<numerusform>… and %n more.</numerusform><numerusform>… and %n more.</numerusform></translation>
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
    <message numerus="yes">
        <source>%n paid day(s) forfeited</source>
        <translation>
            <numerusform>%n paid day forfeited</numerusform>
            <numerusform>%n paid days forfeited</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>≤ %n day(s)</source>
        <translation>
<numerusform>≤ %n day</numerusform><numerusform>≤ %n days</numerusform></translation>
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
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n license(s) end within %1.</source>
        <translation>
            <numerusform>%n license ends within %1.</numerusform>
            <numerusform>%n licenses end within %1.</numerusform>
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
            <numerusform>%n signed license verifies in this store.</numerusform>
            <numerusform>%n signed licenses verify in this store.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n signed license(s) belong to another store and show as not verified here.</source>
        <translation>
            <numerusform>%n signed license belongs to another store and shows as not verified here.</numerusform>
            <numerusform>%n signed licenses belong to another store and show as not verified here.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n license(s)</source>
        <translation>
            <numerusform>%n license</numerusform>
            <numerusform>%n licenses</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n device(s)</source>
        <translation>
            <numerusform>%n device</numerusform>
            <numerusform>%n devices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n product</numerusform>
            <numerusform>%n products</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>OrdersView</name>
    <message numerus="yes">
        <source>Order #%1: %n line(s)</source>
        <translation>
            <numerusform>Order #%1: %n line</numerusform>
            <numerusform>Order #%1: %n lines</numerusform>
        </translation>
    </message>
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
        <source>Bought on this day the new year starts at once and %n paid day(s) are lost. Buy on %2 to lose nothing.</source>
        <translation>
            <numerusform>Bought on this day the new year starts at once and %n paid day is lost. Buy on %2 to lose nothing.</numerusform>
            <numerusform>Bought on this day the new year starts at once and %n paid days are lost. Buy on %2 to lose nothing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The subscription ended %n day(s) before this day: releases of that gap may not be installed until the renewal is active.</source>
        <translation>
            <numerusform>The subscription ended %n day before this day: releases of that gap may not be installed until the renewal is active.</numerusform>
            <numerusform>The subscription ended %n days before this day: releases of that gap may not be installed until the renewal is active.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total for %n license(s): </source>
        <translation>
            <numerusform>Total for %n license: </numerusform>
            <numerusform>Total for %n licenses: </numerusform>
        </translation>
    </message>
</context>
</TS>